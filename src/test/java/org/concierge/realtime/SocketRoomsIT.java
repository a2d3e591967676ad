package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.UNKNOWN_ID;
import static org.concierge.realtime.Sockets.accept;
import static org.concierge.realtime.Sockets.activeRoom;
import static org.concierge.realtime.Sockets.chat;
import static org.concierge.realtime.Sockets.clientId;
import static org.concierge.realtime.Sockets.error;
import static org.concierge.realtime.Sockets.join;
import static org.concierge.realtime.Sockets.joined;
import static org.concierge.realtime.Sockets.joinedWithReplay;
import static org.concierge.realtime.Sockets.message;
import static org.concierge.realtime.Sockets.messages;
import static org.concierge.realtime.Sockets.next;
import static org.concierge.realtime.Sockets.nextFrames;
import static org.concierge.realtime.Sockets.noneOf;
import static org.concierge.realtime.Sockets.pendingRoom;
import static org.concierge.realtime.Sockets.post;
import static org.concierge.realtime.Sockets.range;
import static org.concierge.realtime.Sockets.seq;
import static org.concierge.realtime.Sockets.seqs;
import static org.concierge.realtime.Sockets.silent;
import static org.concierge.realtime.Sockets.stillServing;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Joining rooms with replay, leaving them, typing and read markers. */
@ExtendWith(ServerExtension.class)
class SocketRoomsIT {

  @Test
  void whoeverMayGetAPendingChatMayJoinIt(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    String room =
        Sockets.start(traveler, "subject", "Lost luggage", "message", "My bag is gone")
            .getString("id");
    for (Session who : List.of(traveler, desk.newAgent(), desk.newAdmin(), desk.admin())) {
      try (SocketClient socket = SocketClient.signedIn(server, who)) {
        JsonObject joined = joinedWithReplay(socket, room, 0, 1);
        JsonObject chat = joined.getJsonObject("chat");
        assertThat(chat.getString("status")).isEqualTo("pending");
        assertThat(chat.getString("subject")).isEqualTo("Lost luggage");
        assertThat(chat.getJsonObject("traveler").getString("id")).isEqualTo(traveler.id());
        assertThat(chat.getJsonNumber("lastSeq").longValue()).isEqualTo(1);
        silent(socket);
      }
    }
  }

  @Test
  void whoeverMayGetAnActiveChatMayJoinIt(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    for (Session who : List.of(traveler, agent, desk.admin())) {
      try (SocketClient socket = SocketClient.signedIn(server, who)) {
        JsonObject joined = joinedWithReplay(socket, room, 0, 2);
        assertThat(joined.getJsonObject("chat").getString("status")).isEqualTo("active");
        assertThat(joined.getJsonObject("chat").getJsonObject("agent").getString("id"))
            .isEqualTo(agent.id());
      }
    }
  }

  @Test
  void anyoneElseIsToldNotFoundAndTheSocketStaysOpen(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String active = activeRoom(traveler, agent);
    String pending = pendingRoom(traveler);
    Session otherTraveler = desk.newTraveler();
    Session otherAgent = desk.newAgent();
    Session visitor = desk.newVisitor();

    record Refusal(Session who, String room) {}
    for (Refusal refusal :
        List.of(
            new Refusal(otherTraveler, active),
            new Refusal(otherTraveler, pending),
            new Refusal(visitor, pending),
            new Refusal(otherAgent, active),
            new Refusal(traveler, UNKNOWN_ID),
            new Refusal(agent, UNKNOWN_ID),
            new Refusal(desk.admin(), UNKNOWN_ID))) {
      try (SocketClient socket = SocketClient.signedIn(server, refusal.who())) {
        socket.send(join(refusal.room(), 0));
        JsonObject error = next(socket);
        assertThat(error.getString("type")).isEqualTo("error");
        assertThat(error.getString("code")).isEqualTo("not_found");
        assertThat(error.getString("ref")).isEqualTo(refusal.room());
        assertThat(error.toString()).doesNotContain("My booking");
        stillServing(socket);
        // Nothing of the room reaches a socket that was refused.
        post(traveler, active, "Still there?");
        silent(socket);
      }
    }
  }

  @Test
  void joinReplaysEveryMessageAfterAfterSeqInOrder(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    for (int i = 3; i <= 6; i++) {
      post(i % 2 == 0 ? agent : traveler, room, "message " + i);
    }
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      joinedWithReplay(socket, room, 3, 6);
      silent(socket);
    }
    try (SocketClient socket = SocketClient.signedIn(server, agent)) {
      socket.send(Json.of("type", "join", "roomId", room)); // no afterSeq: from the start
      assertThat(next(socket).getString("type")).isEqualTo("joined");
      List<JsonObject> replay = nextFrames(socket, 6);
      assertThat(seqs(replay)).containsExactlyElementsOf(range(1, 6));
      assertThat(replay.get(0).getString("text")).isEqualTo("Hello?");
      assertThat(replay.get(1).getString("type")).isEqualTo("system");
      assertThat(replay.get(2).getString("text")).isEqualTo("message 3");
      assertThat(replay.get(5).getJsonObject("sender").getString("id")).isEqualTo(agent.id());
      silent(socket);
    }
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      joined(socket, room, 6);
      silent(socket);
      joined(socket, room, 60); // ahead of the room: nothing to replay, nothing fails
      silent(socket);
    }
  }

  @Test
  void aLongReplayComesWholeAndInOrder(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    for (int i = 3; i <= 260; i++) {
      post(i % 2 == 0 ? agent : traveler, room, "message " + i);
    }
    try (SocketClient socket = SocketClient.signedIn(server, agent)) {
      joinedWithReplay(socket, room, 0, 260);
      silent(socket);
    }
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      joinedWithReplay(socket, room, 57, 260);
      silent(socket);
    }
  }

  @Test
  void aClientThatReconnectsAfterADropGetsExactlyTheMissedMessages(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    post(traveler, room, "before the drop");
    long lastSeen;
    try (SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      joinedWithReplay(agentSocket, room, 0, 3);
      try (SocketClient dropped = SocketClient.signedIn(server, traveler)) {
        joinedWithReplay(dropped, room, 0, 3);
        agentSocket.send(message(room, clientId(), "seen by both"));
        lastSeen = seq(messages(dropped, 1).get(0));
        assertThat(lastSeen).isEqualTo(4);
      } // the traveler's connection drops

      List<String> missed = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String text = "missed " + i;
        missed.add(text);
        if (i % 2 == 0) {
          post(i % 4 == 0 ? traveler : agent, room, text);
        } else {
          // Waits for this message's own ack, not an earlier one still queued, so the posts
          // are stored in the order of the list.
          String clientId = clientId();
          agentSocket.send(message(room, clientId, text));
          agentSocket.await(
              f -> "ack".equals(f.getString("type")) && clientId.equals(f.getString("clientId")),
              "ack of " + text);
        }
      }

      try (SocketClient back = SocketClient.signedIn(server, traveler)) {
        joined(back, room, lastSeen);
        List<JsonObject> replay = nextFrames(back, 6);
        assertThat(seqs(replay)).containsExactlyElementsOf(range(5, 10));
        assertThat(replay.stream().map(m -> m.getString("text")).toList())
            .containsExactlyElementsOf(missed);
        // Then live messages, once each.
        agentSocket.send(message(room, clientId(), "live again"));
        List<JsonObject> live = nextFrames(back, 1);
        assertThat(seqs(live)).containsExactly(11L);
        assertThat(live.get(0).getString("text")).isEqualTo("live again");
        post(traveler, room, "and over REST");
        assertThat(seqs(nextFrames(back, 1))).containsExactly(12L);
        silent(back);
      }
    }
  }

  @Test
  void aRejoinWhileMessagesPourInMissesNothingAndRepeatsNothing(ConciergeServer server, Desk desk)
      throws Exception {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    int total = 600;
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      CompletableFuture<Void> pouring =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < total; i++) {
                  post(i % 2 == 0 ? agent : traveler, room, "pour " + i);
                }
              },
              writers);
      // Rejoin at several points while the room is busy; each join must give a gap-free stream.
      long seen = 0;
      for (int round = 0; round < 3; round++) {
        socket.send(join(room, seen));
        JsonObject joined = socket.await("joined");
        assertThat(joined.getString("roomId")).isEqualTo(room);
        long expected = seen + 1;
        for (int i = 0; i < 30; i++) {
          JsonObject frame = socket.poll(Sockets.QUIET);
          if (frame == null) {
            break; // the pouring is over
          }
          assertThat(frame.getString("type")).isEqualTo("message");
          assertThat(seq(frame.getJsonObject("message"))).isEqualTo(expected);
          expected++;
        }
        seen = expected - 1;
        socket.send(Json.of("type", "leave", "roomId", room));
        // Frames queued before the leave may still arrive; they must continue the sequence.
        for (JsonObject frame : socket.drain(Sockets.QUIET)) {
          if ("message".equals(frame.getString("type"))) {
            assertThat(seq(frame.getJsonObject("message"))).isEqualTo(seen + 1);
            seen++;
          }
        }
      }
      pouring.get(60, TimeUnit.SECONDS);
      long lastSeq = chat(traveler, room).getJsonNumber("lastSeq").longValue();
      assertThat(lastSeq).isEqualTo(total + 2);
      socket.send(join(room, seen));
      socket.await("joined");
      assertThat(seqs(nextFrames(socket, (int) (lastSeq - seen))))
          .containsExactlyElementsOf(range(seen + 1, lastSeq));
      silent(socket);
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void aLiveSocketGetsEachMessageOnceEvenWhenItJoinsTwice(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      joinedWithReplay(socket, room, 0, 2);
      joined(socket, room, 2);
      post(agent, room, "once");
      assertThat(seqs(nextFrames(socket, 1))).containsExactly(3L);
      silent(socket);
    }
  }

  @Test
  void leaveStopsTheRoomsEvents(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    String other = activeRoom(traveler, agent);
    try (SocketClient leaving = SocketClient.signedIn(server, traveler);
        SocketClient staying = SocketClient.signedIn(server, agent)) {
      joinedWithReplay(leaving, room, 0, 2);
      joinedWithReplay(leaving, other, 0, 2);
      joinedWithReplay(staying, room, 0, 2);

      leaving.send(Json.of("type", "leave", "roomId", room));
      stillServing(leaving); // the leave is processed before the ping is answered
      post(agent, room, "after the leave");
      staying.send(Json.of("type", "typing", "roomId", room, "typing", true));
      staying.send(Json.of("type", "read", "roomId", room, "seq", 3));
      Sockets.post(agent, room, "and another");
      assertThat(seqs(messages(staying, 2))).containsExactly(3L, 4L);
      silent(leaving);

      // The other room still reaches it.
      post(agent, other, "still here");
      assertThat(seqs(nextFrames(leaving, 1))).containsExactly(3L);

      // Typing in a room it left is refused as for one it never joined.
      leaving.send(Json.of("type", "typing", "roomId", room, "typing", true));
      error(leaving, "not_found", room);
    }
  }

  @Test
  void theOthersInTheRoomSeeWhoIsTyping(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient travelerTab = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent);
        SocketClient admin = SocketClient.signedIn(server, desk.admin());
        SocketClient elsewhere = SocketClient.signedIn(server, agent)) {
      joinedWithReplay(travelerSocket, room, 0, 2);
      joinedWithReplay(travelerTab, room, 0, 2);
      joinedWithReplay(agentSocket, room, 0, 2);
      joinedWithReplay(admin, room, 2, 2);

      agentSocket.send(Json.of("type", "typing", "roomId", room, "typing", true));
      for (SocketClient other : List.of(travelerSocket, travelerTab, admin)) {
        JsonObject typing = next(other);
        assertThat(typing.getString("type")).isEqualTo("typing");
        assertThat(typing.getString("roomId")).isEqualTo(room);
        assertThat(typing.getBoolean("typing")).isTrue();
        JsonObject user = typing.getJsonObject("user");
        assertThat(user.getString("id")).isEqualTo(agent.id());
        assertThat(user.getString("name")).isEqualTo(agent.name());
        assertThat(user.getString("role")).isEqualTo("agent");
      }
      travelerSocket.send(Json.of("type", "typing", "roomId", room, "typing", false));
      for (SocketClient other : List.of(agentSocket, admin)) {
        JsonObject typing = next(other);
        assertThat(typing.getString("type")).isEqualTo("typing");
        assertThat(typing.getBoolean("typing")).isFalse();
        assertThat(typing.getJsonObject("user").getString("id")).isEqualTo(traveler.id());
        assertThat(typing.getJsonObject("user").getString("role")).isEqualTo("user");
      }
      // The typists hear nothing of their own typing; a socket not in the room hears nothing.
      silent(agentSocket);
      silent(travelerSocket);
      silent(elsewhere);
    }
  }

  @Test
  void typingInARoomNotJoinedIsNotFound(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient traveling = SocketClient.signedIn(server, traveler);
        SocketClient stranger = SocketClient.signedIn(server, desk.newTraveler());
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      joined(agentSocket, room, 2);
      traveling.send(Json.of("type", "typing", "roomId", room, "typing", true));
      error(traveling, "not_found", room);
      stranger.send(Json.of("type", "typing", "roomId", room, "typing", true));
      error(stranger, "not_found", room);
      stillServing(traveling);
      silent(agentSocket);
    }
  }

  @Test
  void aReadMarkerIsStoredAndTheOthersAreTold(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    post(agent, room, "three");
    post(agent, room, "four");
    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent);
        SocketClient admin = SocketClient.signedIn(server, desk.admin())) {
      joinedWithReplay(travelerSocket, room, 4, 4);
      joinedWithReplay(agentSocket, room, 4, 4);
      joinedWithReplay(admin, room, 4, 4);

      travelerSocket.send(Json.of("type", "read", "roomId", room, "seq", 3));
      for (SocketClient other : List.of(agentSocket, admin)) {
        JsonObject read = next(other);
        assertThat(read.getString("type")).isEqualTo("read");
        assertThat(read.getString("roomId")).isEqualTo(room);
        assertThat(read.getString("userId")).isEqualTo(traveler.id());
        assertThat(read.getJsonNumber("seq").longValue()).isEqualTo(3);
      }
      silent(travelerSocket);

      JsonObject stored = chat(traveler, room);
      assertThat(stored.getJsonObject("readMarkers").getJsonNumber(traveler.id()).longValue())
          .isEqualTo(3);
      assertThat(chat(agent, room).getJsonObject("readMarkers").getJsonNumber(traveler.id()))
          .isNotNull();

      agentSocket.send(Json.of("type", "read", "roomId", room, "seq", 4));
      assertThat(next(travelerSocket).getString("userId")).isEqualTo(agent.id());

      try (SocketClient later = SocketClient.signedIn(server, traveler)) {
        JsonObject markers =
            joined(later, room, 4).getJsonObject("chat").getJsonObject("readMarkers");
        assertThat(markers.getJsonNumber(traveler.id()).longValue()).isEqualTo(3);
        assertThat(markers.getJsonNumber(agent.id()).longValue()).isEqualTo(4);
      }
    }
  }

  @Test
  void aReadMarkerForAChatTheReaderMayNotSeeIsNotFound(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    Session stranger = desk.newTraveler();
    try (SocketClient strangerSocket = SocketClient.signedIn(server, stranger);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      joined(agentSocket, room, 2);
      strangerSocket.send(Json.of("type", "read", "roomId", room, "seq", 2));
      error(strangerSocket, "not_found", room);
      stillServing(strangerSocket);
      noneOf(agentSocket, "read");
      assertThat(chat(traveler, room).getJsonObject("readMarkers").containsKey(stranger.id()))
          .isFalse();
    }
  }

  @Test
  void anAgentWhoJoinedWhilePendingHearsNoMoreOnceAnotherAgentTakesTheChat(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    String room = pendingRoom(traveler);
    Session taker = desk.newAgent();
    Session onlooker = desk.newAgent();
    try (SocketClient looking = SocketClient.signedIn(server, onlooker)) {
      joined(looking, room, 0);
      accept(taker, room);
      // It may learn that the chat was taken, but nothing said in it afterwards.
      post(traveler, room, "private: my passport number is X123");
      post(taker, room, "thanks");
      List<JsonObject> frames = looking.drain(Sockets.QUIET);
      assertThat(frames).filteredOn(f -> "message".equals(f.getString("type"))).isEmpty();
      assertThat(frames)
          .filteredOn(f -> "chat".equals(f.getString("type")))
          .singleElement()
          .satisfies(
              f -> assertThat(f.getJsonObject("chat").getString("status")).isEqualTo("active"));
      looking.send(join(room, 0));
      error(looking, "not_found", room);
    }
  }

  @Test
  void theAgentAChatIsTransferredAwayFromHearsNoMoreOfIt(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    String room = activeRoom(traveler, first);
    try (SocketClient firstSocket = SocketClient.signedIn(server, first);
        SocketClient secondSocket = SocketClient.signedIn(server, second)) {
      joined(firstSocket, room, 2);
      Sockets.ok(
          first
              .client()
              .post(
                  "/api/chat/" + room + "/transfer",
                  Json.of("agentId", second.id(), "note", "Over to you")));
      assertThat(secondSocket.await(f -> true, "assigned").getString("type")).isEqualTo("assigned");
      joined(secondSocket, room, 3);
      post(traveler, room, "hello new agent");
      assertThat(seqs(messages(secondSocket, 1))).containsExactly(4L);
      List<JsonObject> frames = firstSocket.drain(Sockets.QUIET);
      assertThat(frames).filteredOn(f -> "message".equals(f.getString("type"))).isEmpty();
      assertThat(frames)
          .filteredOn(f -> "chat".equals(f.getString("type")))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.getJsonObject("chat").getJsonObject("agent").getString("id"))
                      .isEqualTo(second.id()));
      firstSocket.send(Json.of("type", "typing", "roomId", room, "typing", true));
      error(firstSocket, "not_found", room);
    }
  }
}
