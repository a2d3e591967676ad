package org.concierge.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Session;

/**
 * The 'desk' workload over real sockets: R rooms, each with a traveler's socket and an agent's (one
 * agent socket serves up to four rooms), each side sending a message every P ms. Reports delivered
 * messages per second, end-to-end latency (send to arrival at the other party), ack latency, lost
 * and duplicated messages, and the server's memory.
 *
 * <p>Settings (system properties): {@code rooms} (a list, run one after the other; default
 * 100,400,1000), {@code period} in ms (1000), {@code seconds} measured per step (30).
 */
public final class DeskBenchmark {

  private static final int ROOMS_PER_AGENT = 4;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration PING_SLICE = Duration.ofMillis(100);
  private static final int PING_SLICES = 200;
  private static final String PING = Json.of("type", "ping").toString();

  /** After the senders stop, how long deliveries may stall before the rest counts as lost. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** A room and the two sockets that talk in it. */
  private record Room(String id, Party traveler, Party agent) {}

  /** A signed-in socket and the user behind it. */
  private record Party(String userId, BenchSocket socket) {}

  private final Recorder endToEnd = new Recorder(3);
  private final Recorder acks = new Recorder(3);
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Map<Integer, AtomicLong> closedByServer = new ConcurrentSkipListMap<>();
  private final List<BenchSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean measuring;

  public static void main(String[] args) throws Exception {
    int[] steps =
        Arrays.stream(System.getProperty("rooms", "100,400,1000").split(","))
            .mapToInt(r -> Integer.parseInt(r.strip()))
            .toArray();
    long period = Long.getLong("period", 1_000);
    Duration measured = Duration.ofSeconds(Long.getLong("seconds", 30));
    new DeskBenchmark().run(steps, period, measured);
  }

  private void run(int[] steps, long period, Duration measured) throws Exception {
    ConciergeServer server = ConciergeServer.forBenchmarks();
    server.startFresh();
    List<String> report = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    // Every socket pings as the widget and the dashboard do, so that the server's idle limit
    // closes none; spread over the period as independent clients' pings are.
    ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
    keepAlive.scheduleAtFixedRate(
        () -> {
          List<BenchSocket> all = List.copyOf(sockets);
          long slice = System.nanoTime() / PING_SLICE.toNanos() % PING_SLICES;
          for (int i = 0; i < all.size(); i++) {
            if (i % PING_SLICES == slice) {
              all.get(i).send(PING);
            }
          }
        },
        PING_SLICE.toMillis(),
        PING_SLICE.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      int most = Arrays.stream(steps).max().orElseThrow();
      List<Room> rooms = openRooms(server, http, most);
      report.add(
          "server RSS with "
              + most
              + " rooms joined: "
              + ServerMemory.rssKib(server.pid()) / 1024
              + " MiB");
      System.out.println(report.get(0));
      for (int size : steps) {
        report.add(step(rooms.subList(0, size), period, measured));
        report.add("  server RSS: " + ServerMemory.rssKib(server.pid()) / 1024 + " MiB");
        System.out.println(report.get(report.size() - 2));
      }
    } finally {
      keepAlive.shutdownNow();
      server.stop();
    }
    report.forEach(System.out::println);
    Files.write(Path.of(System.getProperty("concierge.it.workDir"), "desk-benchmark.txt"), report);
  }

  private List<Room> openRooms(ConciergeServer server, HttpClient http, int count) {
    Desk desk = new Desk(server);
    List<Party> agents = new ArrayList<>();
    List<Session> agentSessions = new ArrayList<>();
    for (int i = 0; i < (count + ROOMS_PER_AGENT - 1) / ROOMS_PER_AGENT; i++) {
      Session agent = desk.newAgent();
      agentSessions.add(agent);
      agents.add(new Party(agent.id(), signIn(server, http, agent)));
    }
    List<Room> rooms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Session traveler = desk.newVisitor();
      String id =
          traveler
              .client()
              .post("/api/chat/start", Json.of("subject", "Desk " + i))
              .json()
              .getString("id");
      Session agent = agentSessions.get(i / ROOMS_PER_AGENT);
      agent.client().post("/api/chat/" + id + "/accept");
      Party travelerParty = new Party(traveler.id(), signIn(server, http, traveler));
      Party agentParty = agents.get(i / ROOMS_PER_AGENT);
      for (Party party : List.of(travelerParty, agentParty)) {
        party.socket().send(Json.of("type", "join", "roomId", id, "afterSeq", 0).toString());
      }
      rooms.add(new Room(id, travelerParty, agentParty));
    }
    return rooms;
  }

  private BenchSocket signIn(ConciergeServer server, HttpClient http, Session session) {
    BenchSocket socket =
        BenchSocket.open(
            http,
            server.webSocketUri(),
            frame -> onFrame(session.id(), frame),
            code -> closedByServer.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet());
    sockets.add(socket);
    socket.send(Json.of("type", "auth", "token", session.token()).toString());
    return socket;
  }

  private void onFrame(String me, JsonObject frame) {
    long now = System.nanoTime();
    switch (frame.getString("type")) {
      case "ack" -> {
        String clientId = frame.getString("clientId");
        Long sent = sentAt.get(clientId);
        if (sent != null && acked.add(clientId) && measuring) {
          acks.recordValue((now - sent) / 1_000);
        }
      }
      case "message" -> {
        JsonObject message = frame.getJsonObject("message");
        String clientId = message.getString("clientId", null);
        if (clientId == null || me.equals(message.getJsonObject("sender").getString("id"))) {
          return;
        }
        if (!delivered.add(clientId)) {
          duplicates.incrementAndGet();
          return;
        }
        Long sent = sentAt.get(clientId);
        if (sent != null && measuring) {
          endToEnd.recordValue((now - sent) / 1_000);
        }
      }
      case "error" -> errors.incrementAndGet();
      default -> {}
    }
  }

  /** Waits until every acked message has reached the other party, or deliveries stall. */
  private void awaitDeliveries() throws InterruptedException {
    long last = -1;
    long stalledSince = System.nanoTime();
    while (System.nanoTime() - stalledSince < SETTLE.toNanos()) {
      long now = delivered.size();
      if (now != last) {
        last = now;
        stalledSince = System.nanoTime();
      }
      if (acked.stream().allMatch(delivered::contains)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private String step(List<Room> rooms, long period, Duration measured) throws Exception {
    sentAt.clear();
    acked.clear();
    delivered.clear();
    duplicates.set(0);
    errors.set(0);
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    List<ScheduledFuture<?>> loops = new ArrayList<>();
    AtomicLong counter = new AtomicLong();
    String step = "r" + rooms.size() + "-";
    for (Room room : rooms) {
      for (Party party : List.of(room.traveler(), room.agent())) {
        long delay = ThreadLocalRandom.current().nextLong(period);
        loops.add(
            senders.scheduleAtFixedRate(
                () -> {
                  String clientId = step + counter.incrementAndGet();
                  sentAt.put(clientId, System.nanoTime());
                  party
                      .socket()
                      .send(
                          Json.of(
                                  "type",
                                  "message",
                                  "roomId",
                                  room.id(),
                                  "clientId",
                                  clientId,
                                  "text",
                                  "Desk message " + clientId)
                              .toString());
                },
                delay,
                period,
                TimeUnit.MILLISECONDS));
      }
    }
    TimeUnit.MILLISECONDS.sleep(WARM_UP.toMillis());
    endToEnd.reset();
    acks.reset();
    long deliveredBefore = delivered.size();
    measuring = true;
    long begin = System.nanoTime();
    TimeUnit.MILLISECONDS.sleep(measured.toMillis());
    measuring = false;
    double seconds = (System.nanoTime() - begin) / 1e9;
    long deliveredDuring = delivered.size() - deliveredBefore;
    loops.forEach(loop -> loop.cancel(false));
    senders.shutdown();
    senders.awaitTermination(10, TimeUnit.SECONDS);
    awaitDeliveries();
    long lost = acked.stream().filter(id -> !delivered.contains(id)).count();
    var e2e = endToEnd.getIntervalHistogram();
    var ack = acks.getIntervalHistogram();
    return String.format(
        Locale.ROOT,
        "desk R=%d P=%dms: %.0f msg/s delivered; end-to-end p50 %.1f ms, p99 %.1f ms, max %.1f ms; ack p50 %.1f ms, p99 %.1f ms; sent %d, acked %d, lost %d, duplicated %d, errors %d, sockets closed by the server %s",
        rooms.size(),
        period,
        deliveredDuring / seconds,
        e2e.getValueAtPercentile(50) / 1000.0,
        e2e.getValueAtPercentile(99) / 1000.0,
        e2e.getMaxValue() / 1000.0,
        ack.getValueAtPercentile(50) / 1000.0,
        ack.getValueAtPercentile(99) / 1000.0,
        sentAt.size(),
        acked.size(),
        lost,
        duplicates.get(),
        errors.get(),
        closedByServer.isEmpty() ? "0" : "(by close code) " + closedByServer);
  }
}
