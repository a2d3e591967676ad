package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.activeRoom;
import static org.concierge.realtime.Sockets.joined;
import static org.concierge.realtime.Sockets.message;
import static org.concierge.realtime.Sockets.next;
import static org.concierge.realtime.Sockets.seqs;
import static org.concierge.realtime.Sockets.stillServing;
import static org.concierge.realtime.Sockets.transcript;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The frame size limit and the per-room message rate of a socket. */
@ExtendWith(ServerExtension.class)
class SocketLimitsIT {

  private static final int PER_ROOM = 20;

  @Test
  void aFrameOver64KibClosesTheSocketWith1009(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      // Just under the limit: refused as too long, but the socket stays.
      socket.send(message(room, "big", "x".repeat(63 * 1024)));
      Sockets.error(socket, "too_long", "big");
      stillServing(socket);

      // Exactly 64 KiB (counted in UTF-8 bytes, as it travels) is still a frame.
      socket.sendText(frameOfBytes(room, "edge", 64 * 1024));
      Sockets.error(socket, "too_long", "edge");
      stillServing(socket);

      socket.send(message(room, "huge", "x".repeat(70 * 1024)));
      assertThat(socket.awaitClose()).isEqualTo(1009);
    }
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      socket.sendText(frameOfBytes(room, "edge+1", 64 * 1024 + 1));
      assertThat(socket.awaitClose()).isEqualTo(1009);
    }
    try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
      // Before authenticating too.
      socket.sendText("{\"type\":\"auth\",\"token\":\"" + "x".repeat(70 * 1024) + "\"}");
      assertThat(socket.awaitClose()).isEqualTo(1009);
    }
    assertThat(seqs(transcript(traveler, room))).containsExactly(1L, 2L);
  }

  @Test
  void aBurstOf30MessagesToOneRoomGets20AcksAnd10RateLimited(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient socket = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      joined(agentSocket, room, 2);
      List<String> clientIds = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        clientIds.add("burst-" + i);
        socket.send(message(room, "burst-" + i, "Are we there yet? " + i));
      }
      Answers answers = answers(socket, 30);
      assertThat(answers.acked()).containsExactlyElementsOf(clientIds.subList(0, 20));
      assertThat(answers.limited()).containsExactlyElementsOf(clientIds.subList(20, 30));
      stillServing(socket);

      // The others get exactly the 20 that were stored.
      List<JsonObject> frames = agentSocket.drain(Sockets.QUIET);
      assertThat(frames).allMatch(f -> "message".equals(f.getString("type")));
      assertThat(frames)
          .extracting(f -> f.getJsonObject("message").getString("clientId"))
          .containsExactlyElementsOf(clientIds.subList(0, 20));
      assertThat(transcript(traveler, room)).hasSize(22);

      // Another socket has an allowance of its own.
      try (SocketClient secondTab = SocketClient.signedIn(server, traveler)) {
        secondTab.send(message(room, "tab-2", "From the other tab"));
        assertThat(secondTab.await("ack").getString("clientId")).isEqualTo("tab-2");
      }
    }
  }

  @Test
  void anAgentServingTwoRoomsHas20ForEach(ConciergeServer server, Desk desk) {
    Session agent = desk.newAgent();
    String first = activeRoom(desk.newTraveler(), agent);
    String second = activeRoom(desk.newTraveler(), agent);
    try (SocketClient socket = SocketClient.signedIn(server, agent)) {
      for (int i = 0; i < 30; i++) {
        socket.send(message(first, "first-" + i, "Hello " + i));
        socket.send(message(second, "second-" + i, "Hello " + i));
      }
      Answers answers = answers(socket, 60);
      Map<String, Integer> acked = new TreeMap<>();
      Map<String, Integer> limited = new TreeMap<>();
      answers.acked().forEach(id -> acked.merge(id.split("-")[0], 1, Integer::sum));
      answers.limited().forEach(id -> limited.merge(id.split("-")[0], 1, Integer::sum));
      assertThat(acked).containsExactlyInAnyOrderEntriesOf(Map.of("first", 20, "second", 20));
      assertThat(limited).containsExactlyInAnyOrderEntriesOf(Map.of("first", 10, "second", 10));
      for (int i = 0; i < 20; i++) {
        assertThat(answers.acked()).contains("first-" + i, "second-" + i);
      }
    }
  }

  /**
   * 20 messages, then a second burst refused; once ten seconds have passed since the first, 20 are
   * allowed again: the refused frames did not count.
   */
  @Test
  void refusedFramesDoNotCountAgainstTheRate(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      for (int i = 0; i < PER_ROOM; i++) {
        socket.send(message(room, "a-" + i, "First burst " + i));
      }
      assertThat(answers(socket, PER_ROOM).limited()).isEmpty();
      long firstBurstDone = System.nanoTime();
      // Frames that are refused as invalid do not count either.
      socket.send(message(room, "empty", " "));
      Sockets.error(socket, "bad_request", "empty");

      // Well after the first burst, but within its ten seconds: everything is refused.
      assertThat(socket.drain(Duration.ofSeconds(3))).isEmpty();
      for (int i = 0; i < 10; i++) {
        socket.send(message(room, "b-" + i, "Too soon " + i));
      }
      assertThat(answers(socket, 10).acked()).isEmpty();

      // Ten seconds after the first burst (and well within ten of the refused ones).
      Duration left = Duration.ofMillis(10_300).minusNanos(System.nanoTime() - firstBurstDone);
      assertThat(socket.drain(left.isNegative() ? Duration.ZERO : left)).isEmpty();
      for (int i = 0; i < PER_ROOM; i++) {
        socket.send(message(room, "c-" + i, "Second burst " + i));
      }
      Answers again = answers(socket, PER_ROOM);
      assertThat(again.limited()).isEmpty();
      assertThat(again.acked()).hasSize(PER_ROOM);
    }
    assertThat(transcript(traveler, room)).hasSize(2 + 2 * PER_ROOM);
  }

  /**
   * A message frame of exactly {@code bytes} bytes in UTF-8, its text made of 3-byte euro signs.
   */
  private static String frameOfBytes(String room, String clientId, int bytes) {
    String empty = message(room, clientId, "").toString();
    int padding = bytes - empty.getBytes(StandardCharsets.UTF_8).length;
    String text = "\u20ac".repeat(padding / 3) + "x".repeat(padding % 3);
    String frame = message(room, clientId, text).toString();
    assertThat(frame.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return frame;
  }

  /** The clientIds acked and those refused as rate limited, in the order answered. */
  private record Answers(List<String> acked, List<String> limited) {}

  private static Answers answers(SocketClient socket, int count) {
    List<String> acked = new ArrayList<>();
    List<String> limited = new ArrayList<>();
    while (acked.size() + limited.size() < count) {
      JsonObject frame = next(socket);
      switch (frame.getString("type")) {
        case "ack" -> acked.add(frame.getString("clientId"));
        case "error" -> {
          assertThat(frame.getString("code")).as(frame.toString()).isEqualTo("rate_limited");
          limited.add(frame.getString("ref"));
        }
        case "message" -> {
          // The room's messages, the sender's own included.
        }
        default -> throw new AssertionError("unexpected " + frame);
      }
    }
    return new Answers(acked, limited);
  }
}
