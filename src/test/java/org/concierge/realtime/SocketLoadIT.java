package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.activeRoom;
import static org.concierge.realtime.Sockets.auth;
import static org.concierge.realtime.Sockets.join;
import static org.concierge.realtime.Sockets.joined;
import static org.concierge.realtime.Sockets.message;
import static org.concierge.realtime.Sockets.post;
import static org.concierge.realtime.Sockets.range;
import static org.concierge.realtime.Sockets.seq;
import static org.concierge.realtime.Sockets.transcript;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many sockets at once, and a socket that stops reading. */
@ExtendWith(ServerExtension.class)
class SocketLoadIT {

  /**
   * A client that stops reading (its TCP window fills, the server's sends to it stall) must not
   * hold up the fan-out to anyone else: the poster's answer and every other socket keep their pace.
   */
  @Test
  void aSocketWhoseReaderStallsDelaysNoOne(ConciergeServer server, Desk desk) throws Exception {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    int count = 500;
    String padding = "z".repeat(3_000); // so that the stalled socket's buffers fill up
    ExecutorService posters = Executors.newFixedThreadPool(4);
    try (SocketClient healthy = SocketClient.signedIn(server, traveler);
        SocketClient stalled = SocketClient.connect(server.webSocketUri(), null, true)) {
      stalled.request(1);
      stalled.send(auth(agent.token()));
      stalled.await("ready");
      stalled.send(join(room, 0)); // and never reads again
      joined(healthy, room, 2);

      Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> posting = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Session author = t % 2 == 0 ? traveler : agent;
        posting.add(
            posters.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    JsonObject posted = post(author, room, "busy " + i + " " + padding);
                    answeredAt.put(seq(posted), System.nanoTime());
                  }
                }));
      }

      // The healthy client reads as the messages come.
      List<Long> seen = new ArrayList<>();
      long worstDelay = 0;
      while (seen.size() < count) {
        JsonObject frame = healthy.await("message");
        long arrived = System.nanoTime();
        long seq = seq(frame.getJsonObject("message"));
        seen.add(seq);
        Long answered = answeredAt.get(seq);
        if (answered != null) {
          worstDelay = Math.max(worstDelay, arrived - answered);
        }
      }
      for (Future<?> done : posting) {
        done.get(60, TimeUnit.SECONDS);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(seen).containsExactlyElementsOf(range(3, count + 2));
      assertThat(took).isLessThan(Duration.ofSeconds(60));
      assertThat(Duration.ofNanos(worstDelay))
          .as("longest wait between a post's answer and its frame")
          .isLessThan(SocketClient.WAIT);

      // One more, on a quiet room: it arrives at once.
      long probeSent = System.nanoTime();
      post(agent, room, "probe");
      assertThat(seq(healthy.await("message").getJsonObject("message"))).isEqualTo(count + 3);
      assertThat(Duration.ofNanos(System.nanoTime() - probeSent)).isLessThan(Duration.ofSeconds(5));

      // The stalled socket, reading again, has either everything in order or a gap-free start
      // and then a close it can recover from by rejoining.
      stalled.request(Long.MAX_VALUE);
      List<Long> stalledSeen = new ArrayList<>();
      JsonObject first = stalled.await(f -> true, "joined");
      assertThat(first.getString("type")).isEqualTo("joined");
      while (stalledSeen.size() < count + 3) {
        JsonObject frame = stalled.poll(SocketClient.WAIT);
        if (frame == null) {
          break;
        }
        stalledSeen.add(seq(frame.getJsonObject("message")));
      }
      assertThat(stalledSeen).containsExactlyElementsOf(range(1, stalledSeen.size()));
      boolean cutOff = stalledSeen.size() < count + 3;
      if (cutOff) {
        assertThat(stalled.awaitClose()).isEqualTo(1013);
      }
      System.out.printf(
          "SocketLoadIT: %d messages with a stalled reader in %s, worst delay %d ms;"
              + " the stalled socket got %d of %d%s%n",
          count,
          took,
          worstDelay / 1_000_000,
          stalledSeen.size(),
          count + 3,
          cutOff ? " and was closed with 1013" : "");
    } finally {
      posters.shutdownNow();
    }
  }

  private static final int ROOMS = 20;
  private static final int SOCKETS_PER_ROOM = 10;
  private static final int MESSAGES_PER_SOCKET = 50;

  /** 550 ms between a socket's messages keeps every socket under 20 a room in any 10 s. */
  private static final Duration SPACING = Duration.ofMillis(550);

  /** One socket of the load: whose it is, and the room it joined. */
  private record Member(int index, String room, Session who, SocketClient socket) {}

  /** A message as a socket received it. */
  private record Seen(long seq, String id, String clientId) {}

  /** What one socket sent and received. */
  private record Report(
      Member member,
      List<String> sent,
      Map<String, Long> ackedSeqs,
      List<Seen> received,
      List<JsonObject> unexpected) {}

  /**
   * 20 rooms, each with 10 joined sockets (the traveler's tabs, the agent's tabs, an admin's), 200
   * sockets in all, each sending 50 messages: every socket receives every message of its room
   * exactly once, in seq order, with no gaps.
   */
  @Test
  void twoHundredSocketsSendingFiftyMessagesEachAllArriveCompleteAndInOrder(
      ConciergeServer server, Desk desk) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(ROOMS * SOCKETS_PER_ROOM);
    List<Member> members = new ArrayList<>();
    try {
      Session admin = desk.admin();
      List<Future<Session>> travelerFutures = new ArrayList<>();
      List<Future<Session>> agentFutures = new ArrayList<>();
      for (int r = 0; r < ROOMS; r++) {
        travelerFutures.add(pool.submit(desk::newTraveler));
      }
      for (int a = 0; a < ROOMS / 2; a++) {
        agentFutures.add(pool.submit(desk::newAgent));
      }
      List<Session> travelers = values(travelerFutures);
      List<Session> agents = values(agentFutures);
      List<Future<String>> roomFutures = new ArrayList<>();
      for (int r = 0; r < ROOMS; r++) {
        Session traveler = travelers.get(r);
        Session agent = agents.get(r / 2);
        roomFutures.add(pool.submit(() -> activeRoom(traveler, agent)));
      }
      List<String> rooms = values(roomFutures);

      List<Future<Member>> memberFutures = new ArrayList<>();
      for (int r = 0; r < ROOMS; r++) {
        for (int s = 0; s < SOCKETS_PER_ROOM; s++) {
          Session who = s < 4 ? travelers.get(r) : s < 7 ? agents.get(r / 2) : admin;
          String room = rooms.get(r);
          int index = r * SOCKETS_PER_ROOM + s;
          memberFutures.add(
              pool.submit(
                  () -> {
                    SocketClient socket = SocketClient.signedIn(server, who);
                    joined(socket, room, 2);
                    return new Member(index, room, who, socket);
                  }));
        }
      }
      for (Future<Member> future : memberFutures) {
        members.add(future.get(60, TimeUnit.SECONDS));
      }

      long started = System.nanoTime();
      // About 30 s when the machine is quiet; the deadline leaves room for a busy one.
      long deadline = started + Duration.ofSeconds(100).toNanos();
      List<Future<Report>> reportFutures = new ArrayList<>();
      for (Member member : members) {
        long startAt = started + (member.index() % 50) * SPACING.toNanos() / 50;
        reportFutures.add(pool.submit(() -> drive(member, startAt, deadline)));
      }
      List<Report> reports = new ArrayList<>();
      for (Future<Report> future : reportFutures) {
        reports.add(future.get(120, TimeUnit.SECONDS));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      int perRoom = SOCKETS_PER_ROOM * MESSAGES_PER_SOCKET;
      Map<String, Set<String>> sentByRoom = new HashMap<>();
      Map<String, Long> ackedByClientId = new HashMap<>();
      for (Report report : reports) {
        assertThat(report.unexpected()).as("socket %d", report.member().index()).isEmpty();
        assertThat(report.sent()).hasSize(MESSAGES_PER_SOCKET);
        assertThat(report.ackedSeqs()).hasSize(MESSAGES_PER_SOCKET);
        sentByRoom
            .computeIfAbsent(report.member().room(), k -> new HashSet<>())
            .addAll(report.sent());
        ackedByClientId.putAll(report.ackedSeqs());
      }
      for (Report report : reports) {
        String where = "socket " + report.member().index() + " in " + report.member().room();
        List<Seen> received = report.received();
        assertThat(received.stream().map(Seen::seq).toList())
            .as(where)
            .containsExactlyElementsOf(range(3, perRoom + 2));
        assertThat(received.stream().map(Seen::clientId).toList())
            .as(where)
            .containsExactlyInAnyOrderElementsOf(sentByRoom.get(report.member().room()));
        for (Seen seen : received) {
          assertThat(ackedByClientId.get(seen.clientId())).as(where).isEqualTo(seen.seq());
        }
      }
      // What the sockets saw is what the store holds, id for id.
      for (String room : rooms) {
        List<JsonObject> stored = transcript(admin, room);
        List<Seen> received =
            reports.stream()
                .filter(r -> r.member().room().equals(room))
                .findFirst()
                .orElseThrow()
                .received();
        assertThat(stored).hasSize(perRoom + 2);
        for (int i = 0; i < perRoom; i++) {
          assertThat(stored.get(i + 2).getString("id")).isEqualTo(received.get(i).id());
        }
      }
      System.out.printf(
          "SocketLoadIT: %d sockets x %d messages, %d frames received, in %s%n",
          members.size(), MESSAGES_PER_SOCKET, members.size() * perRoom, took);
    } finally {
      for (Member member : members) {
        member.socket().close();
      }
      pool.shutdownNow();
    }
  }

  /**
   * Sends this socket's messages, one at a time, each after the previous one's ack and at least
   * {@link #SPACING} after it, while reading every frame that arrives.
   */
  private static Report drive(Member member, long startAt, long deadline) {
    SocketClient socket = member.socket();
    int perRoom = SOCKETS_PER_ROOM * MESSAGES_PER_SOCKET;
    List<String> sent = new ArrayList<>();
    Map<String, Long> acked = new HashMap<>();
    List<Seen> received = new ArrayList<>(perRoom);
    List<JsonObject> unexpected = new ArrayList<>();
    int answered = 0;
    long nextSendAt = startAt;
    while (answered < MESSAGES_PER_SOCKET || received.size() < perRoom) {
      long now = System.nanoTime();
      if (now >= deadline) {
        unexpected.add(
            jakarta.json.Json.createObjectBuilder()
                .add("type", "timeout")
                .add("answered", answered)
                .add("received", received.size())
                .build());
        break;
      }
      boolean mayWrite = answered == sent.size() && sent.size() < MESSAGES_PER_SOCKET;
      if (mayWrite && now >= nextSendAt) {
        String clientId = "load-" + member.index() + "-" + sent.size();
        sent.add(clientId);
        socket.send(message(member.room(), clientId, "From " + member.index() + ", hello"));
        nextSendAt = now + SPACING.toNanos();
        continue;
      }
      long wait = (mayWrite ? nextSendAt : deadline) - now;
      JsonObject frame = socket.poll(Duration.ofNanos(Math.max(wait, 1)));
      if (frame == null) {
        continue;
      }
      switch (frame.getString("type")) {
        case "ack" -> {
          acked.put(frame.getString("clientId"), frame.getJsonNumber("seq").longValue());
          answered++;
        }
        case "message" -> {
          JsonObject m = frame.getJsonObject("message");
          received.add(new Seen(seq(m), m.getString("id"), m.getString("clientId", null)));
        }
        default -> {
          unexpected.add(frame);
          if ("error".equals(frame.getString("type"))) {
            answered++;
          }
        }
      }
    }
    return new Report(member, sent, acked, received, unexpected);
  }

  private static <T> List<T> values(List<Future<T>> futures) throws Exception {
    List<T> values = new ArrayList<>();
    for (Future<T> future : futures) {
      values.add(future.get(60, TimeUnit.SECONDS));
    }
    return values;
  }
}
