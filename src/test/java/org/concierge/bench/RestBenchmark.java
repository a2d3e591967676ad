package org.concierge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.Session;

/**
 * Start time, memory, and REST throughput and latency of posting messages. Starts the server the
 * build set up on a fresh data directory, fills a desk (rooms with a traveler and an agent), then
 * has a fixed number of clients post messages as fast as they get answers (closed loop).
 */
public final class RestBenchmark {

  private static final int ROOMS = 50;
  private static final int AGENTS = 10;
  private static final int WARM_UP = 2_000;
  private static final int MEASURED = 10_000;

  private record Room(String id, Session traveler, Session agent) {}

  private record Run(int clients, long[] latenciesNanos, Duration elapsed, int failures) {}

  public static void main(String[] args) throws Exception {
    ConciergeServer server = ConciergeServer.forBenchmarks();
    long started = System.nanoTime();
    server.startFresh();
    Duration startTime = Duration.ofNanos(System.nanoTime() - started);
    long rssAfterStart = ServerMemory.rssKib(server.pid());
    List<String> report = new ArrayList<>();
    try {
      Desk desk = new Desk(server);
      List<Room> rooms = openRooms(desk);
      run(rooms, 16, WARM_UP);
      report.add(
          String.format(
              Locale.ROOT, "server start to healthy: %.1f s", startTime.toMillis() / 1000.0));
      report.add("server RSS after start: " + rssAfterStart / 1024 + " MiB");
      for (int clients : new int[] {1, 4, 16, 64}) {
        report.add(describe(run(rooms, clients, clients == 1 ? MEASURED / 5 : MEASURED)));
      }
      report.add("server RSS after load: " + ServerMemory.rssKib(server.pid()) / 1024 + " MiB");
    } finally {
      server.stop();
    }
    report.forEach(System.out::println);
    Path out = Path.of(System.getProperty("concierge.it.workDir"), "rest-benchmark.txt");
    Files.write(out, report);
  }

  private static List<Room> openRooms(Desk desk) {
    List<Session> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      agents.add(desk.newAgent());
    }
    List<Room> rooms = new ArrayList<>();
    for (int i = 0; i < ROOMS; i++) {
      Session traveler = desk.newVisitor();
      Reply chat = traveler.client().post("/api/chat/start", Json.of("subject", "Benchmark " + i));
      String id = chat.json().getString("id");
      Session agent = agents.get(i % AGENTS);
      require(agent.client().post("/api/chat/" + id + "/accept"), 200);
      rooms.add(new Room(id, traveler, agent));
    }
    return rooms;
  }

  private static Run run(List<Room> rooms, int clients, int messages) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long[] latencies = new long[messages];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begin = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < messages; n = next.getAndIncrement()) {
                  Room room = rooms.get(n % rooms.size());
                  Session sender = n % 2 == 0 ? room.traveler() : room.agent();
                  long sent = System.nanoTime();
                  Reply reply =
                      sender
                          .client()
                          .post(
                              "/api/chat/" + room.id() + "/messages",
                              Json.of(
                                  "clientId",
                                  "bench-" + clients + "-" + n + "-" + begin,
                                  "text",
                                  "Message number " + n));
                  latencies[n] = System.nanoTime() - sent;
                  if (reply.status() != 201) {
                    failures.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
    pool.shutdown();
    return new Run(clients, latencies, elapsed, failures.get());
  }

  private static String describe(Run run) {
    long[] sorted = run.latenciesNanos().clone();
    Arrays.sort(sorted);
    double perSecond = sorted.length / (run.elapsed().toNanos() / 1e9);
    return String.format(
        Locale.ROOT,
        "POST message, %2d clients: %,6d messages, %7.0f msg/s, latency p50 %6.1f ms, p90 %6.1f ms, p99 %6.1f ms, max %6.1f ms, failures %d",
        run.clients(),
        sorted.length,
        perSecond,
        millis(sorted, 0.50),
        millis(sorted, 0.90),
        millis(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        run.failures());
  }

  private static double millis(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[index] / 1e6;
  }

  private static void require(Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException("expected " + status + " but got " + reply);
    }
  }
}
