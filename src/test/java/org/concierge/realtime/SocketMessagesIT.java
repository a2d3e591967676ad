package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.UNKNOWN_ID;
import static org.concierge.realtime.Sockets.activeRoom;
import static org.concierge.realtime.Sockets.error;
import static org.concierge.realtime.Sockets.joined;
import static org.concierge.realtime.Sockets.joinedWithReplay;
import static org.concierge.realtime.Sockets.message;
import static org.concierge.realtime.Sockets.next;
import static org.concierge.realtime.Sockets.nextFrames;
import static org.concierge.realtime.Sockets.noneOf;
import static org.concierge.realtime.Sockets.pendingRoom;
import static org.concierge.realtime.Sockets.ping;
import static org.concierge.realtime.Sockets.post;
import static org.concierge.realtime.Sockets.seq;
import static org.concierge.realtime.Sockets.seqs;
import static org.concierge.realtime.Sockets.silent;
import static org.concierge.realtime.Sockets.stillServing;
import static org.concierge.realtime.Sockets.transcript;

import jakarta.json.JsonObject;
import java.util.List;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Posting over the socket: acks, fan-out, duplicates and every refusal; pings. */
@ExtendWith(ServerExtension.class)
class SocketMessagesIT {

  @Test
  void theSenderGetsItsAckThenEveryJoinedSocketTheMessage(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session admin = desk.admin();
    String room = activeRoom(traveler, agent);
    try (SocketClient tab1 = SocketClient.signedIn(server, traveler);
        SocketClient tab2 = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent);
        SocketClient adminSocket = SocketClient.signedIn(server, admin);
        SocketClient notJoined = SocketClient.signedIn(server, traveler)) {
      for (SocketClient socket : List.of(tab1, tab2, agentSocket, adminSocket)) {
        joinedWithReplay(socket, room, 2, 2);
      }

      tab1.send(message(room, "tab1-first", "  Is breakfast included?  "));
      JsonObject ack = next(tab1);
      assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
      assertThat(ack.getString("clientId")).isEqualTo("tab1-first");
      assertThat(ack.getString("id")).isNotBlank();
      assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(3);

      for (SocketClient socket : List.of(tab1, tab2, agentSocket, adminSocket)) {
        JsonObject message = nextFrames(socket, 1).get(0);
        assertThat(message.getString("id")).isEqualTo(ack.getString("id"));
        assertThat(seq(message)).isEqualTo(3);
        assertThat(message.getString("roomId")).isEqualTo(room);
        assertThat(message.getString("clientId")).isEqualTo("tab1-first");
        assertThat(message.getString("type")).isEqualTo("text");
        assertThat(message.getString("text")).isEqualTo("Is breakfast included?");
        assertThat(message.getString("sentAt"))
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonObject sender = message.getJsonObject("sender");
        assertThat(sender.getString("id")).isEqualTo(traveler.id());
        assertThat(sender.getString("name")).isEqualTo(traveler.name());
        assertThat(sender.getString("role")).isEqualTo("user");
      }
      silent(notJoined);

      // Stored durably before the ack: the transcript has it.
      JsonObject stored = transcript(agent, room).get(2);
      assertThat(stored.getString("id")).isEqualTo(ack.getString("id"));
      assertThat(stored.getString("text")).isEqualTo("Is breakfast included?");

      // The agent and the admin write too; each sender is acked, every socket hears it.
      agentSocket.send(message(room, "agent-1", "Yes, it is."));
      assertThat(next(agentSocket).getString("type")).isEqualTo("ack");
      for (SocketClient socket : List.of(tab1, tab2, agentSocket, adminSocket)) {
        JsonObject fromAgent = nextFrames(socket, 1).get(0);
        assertThat(seq(fromAgent)).isEqualTo(4);
        assertThat(fromAgent.getJsonObject("sender").getString("role")).isEqualTo("agent");
      }
      adminSocket.send(message(room, "admin-1", "Enjoy your stay."));
      assertThat(next(adminSocket).getString("type")).isEqualTo("ack");
      for (SocketClient socket : List.of(tab1, tab2, agentSocket, adminSocket)) {
        JsonObject fromAdmin = nextFrames(socket, 1).get(0);
        assertThat(seq(fromAdmin)).isEqualTo(5);
        assertThat(fromAdmin.getJsonObject("sender").getString("role")).isEqualTo("admin");
        silent(socket);
      }
    }
  }

  @Test
  void restPostsReachJoinedSockets(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient tab1 = SocketClient.signedIn(server, traveler);
        SocketClient tab2 = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      for (SocketClient socket : List.of(tab1, tab2, agentSocket)) {
        joined(socket, room, 2);
      }
      JsonObject posted = post(agent, room, "rest-1", "Your room is ready.");
      JsonObject again = post(traveler, room, "rest-2", "Thanks!");
      for (SocketClient socket : List.of(tab1, tab2, agentSocket)) {
        List<JsonObject> messages = nextFrames(socket, 2);
        assertThat(messages.get(0)).isEqualTo(posted);
        assertThat(messages.get(1)).isEqualTo(again);
        silent(socket);
      }
    }
  }

  @Test
  void aRepeatedClientIdIsAckedWithTheFirstIdAndSeqAndNotSentAgain(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient sender = SocketClient.signedIn(server, traveler);
        SocketClient otherTab = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      for (SocketClient socket : List.of(sender, otherTab, agentSocket)) {
        joined(socket, room, 2);
      }
      sender.send(message(room, "dup-1", "Only once, please"));
      JsonObject first = next(sender);
      assertThat(first.getString("type")).isEqualTo("ack");
      for (SocketClient socket : List.of(sender, otherTab, agentSocket)) {
        assertThat(seqs(nextFrames(socket, 1))).containsExactly(3L);
      }

      // A resend, even with another text, from the same socket or another tab.
      sender.send(message(room, "dup-1", "Only once, please"));
      otherTab.send(message(room, "dup-1", "Something else"));
      for (SocketClient resender : List.of(sender, otherTab)) {
        JsonObject ack = next(resender);
        assertThat(ack.getString("type")).isEqualTo("ack");
        assertThat(ack.getString("clientId")).isEqualTo("dup-1");
        assertThat(ack.getString("id")).isEqualTo(first.getString("id"));
        assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(3);
      }
      // And one first used over REST, resent over the socket.
      JsonObject viaRest = post(agent, room, "rest-dup", "Posted over REST");
      for (SocketClient socket : List.of(sender, otherTab, agentSocket)) {
        assertThat(nextFrames(socket, 1).get(0).getString("id")).isEqualTo(viaRest.getString("id"));
      }
      agentSocket.send(message(room, "rest-dup", "Posted over REST"));
      JsonObject ack = next(agentSocket);
      assertThat(ack.getString("type")).isEqualTo("ack");
      assertThat(ack.getString("id")).isEqualTo(viaRest.getString("id"));
      assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(seq(viaRest));

      for (SocketClient socket : List.of(sender, otherTab, agentSocket)) {
        silent(socket);
      }
      assertThat(seqs(transcript(traveler, room))).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void aMessageToAChatTheSenderMayNotPostInIsNotFound(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String active = activeRoom(traveler, agent);
    String pending = pendingRoom(traveler);
    Session otherTraveler = desk.newTraveler();
    Session otherAgent = desk.newAgent();

    record Attempt(Session who, String room) {}
    try (SocketClient witness = SocketClient.signedIn(server, traveler)) {
      joined(witness, active, 2);
      joined(witness, pending, 0);
      int n = 0;
      for (Attempt attempt :
          List.of(
              new Attempt(otherTraveler, active),
              new Attempt(otherTraveler, pending),
              new Attempt(otherAgent, active),
              new Attempt(otherAgent, pending), // may see it while it waits, not write in it
              new Attempt(agent, pending),
              new Attempt(traveler, UNKNOWN_ID),
              new Attempt(agent, UNKNOWN_ID))) {
        try (SocketClient socket = SocketClient.signedIn(server, attempt.who())) {
          String clientId = "refused-" + n++;
          socket.send(message(attempt.room(), clientId, "Let me in"));
          JsonObject refused = next(socket);
          assertThat(refused.getString("type")).as(refused.toString()).isEqualTo("error");
          assertThat(refused.getString("code")).isEqualTo("not_found");
          assertThat(refused.getString("ref")).isEqualTo(clientId);
          stillServing(socket);
        }
      }
      noneOf(witness, "message");
    }
    assertThat(seqs(transcript(traveler, active))).containsExactly(1L, 2L);
    assertThat(transcript(traveler, pending)).isEmpty();
  }

  @Test
  void aMessageToAClosedChatIsAConflict(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      joined(travelerSocket, room, 2);
      travelerSocket.send(message(room, "before-close", "Bye"));
      JsonObject firstAck = travelerSocket.await("ack");
      Sockets.ok(agent.client().post("/api/chat/" + room + "/close"));

      agentSocket.send(message(room, "after-close-1", "One more thing"));
      error(agentSocket, "conflict", "after-close-1");
      travelerSocket.send(message(room, "after-close-2", "Wait"));
      error(travelerSocket, "conflict", "after-close-2");
      stillServing(agentSocket);

      // A resend of what was stored before the close still gets its first ack.
      travelerSocket.send(message(room, "before-close", "Bye"));
      JsonObject resent = travelerSocket.await("ack");
      assertThat(resent.getString("id")).isEqualTo(firstAck.getString("id"));
      assertThat(resent.getJsonNumber("seq")).isEqualTo(firstAck.getJsonNumber("seq"));
    }
    List<JsonObject> stored = transcript(traveler, room);
    assertThat(stored).extracting(m -> m.getString("text")).doesNotContain("One more thing");
    assertThat(stored).extracting(m -> m.getString("text")).doesNotContain("Wait");
  }

  @Test
  void textLimitsAreCheckedAfterTrimming(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    String emoji = "\uD83D\uDE00";
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      socket.send(message(room, "long", "x".repeat(4_001)));
      error(socket, "too_long", "long");
      socket.send(message(room, "long-emoji", emoji.repeat(4_001)));
      error(socket, "too_long", "long-emoji");
      socket.send(message(room, "empty", ""));
      error(socket, "bad_request", "empty");
      socket.send(message(room, "blank", " \n\t\u2003 "));
      error(socket, "bad_request", "blank");
      stillServing(socket);

      socket.send(message(room, "max", "  " + "y".repeat(4_000) + "  \n"));
      assertThat(socket.await("ack").getString("clientId")).isEqualTo("max");
      socket.send(message(room, "max-emoji", emoji.repeat(4_000)));
      assertThat(socket.await("ack").getString("clientId")).isEqualTo("max-emoji");
    }
    List<JsonObject> stored = transcript(traveler, room);
    assertThat(seqs(stored)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(stored.get(2).getString("text")).isEqualTo("y".repeat(4_000));
    assertThat(stored.get(3).getString("text")).isEqualTo(emoji.repeat(4_000));
  }

  @Test
  void malformedOrUnknownFramesAfterAuthAreBadRequestsAndTheSocketStaysOpen(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room = activeRoom(traveler, agent);
    record Bad(String text, String ref) {}
    List<Bad> frames =
        List.of(
            new Bad("not json", null),
            new Bad("{\"type\":\"message\",", null),
            new Bad("[1,2,3]", null),
            new Bad("\"ping\"", null),
            new Bad("{}", null),
            new Bad("{\"type\":42}", null),
            new Bad("{\"type\":\"dance\"}", null),
            new Bad("{\"type\":\"dance\",\"roomId\":\"" + room + "\"}", room),
            new Bad("{\"type\":\"join\"}", null),
            new Bad("{\"type\":\"join\",\"roomId\":\"" + room + "\",\"afterSeq\":-1}", room),
            new Bad("{\"type\":\"join\",\"roomId\":\"" + room + "\",\"afterSeq\":\"x\"}", room),
            new Bad("{\"type\":\"message\",\"roomId\":\"" + room + "\",\"text\":\"hi\"}", room),
            new Bad(
                "{\"type\":\"message\",\"roomId\":\"" + room + "\",\"clientId\":\"c-1\"}", "c-1"),
            new Bad(
                "{\"type\":\"message\",\"roomId\":\""
                    + room
                    + "\",\"clientId\":\""
                    + "c".repeat(65)
                    + "\",\"text\":\"hi\"}",
                "c".repeat(65)),
            new Bad("{\"type\":\"message\",\"clientId\":\"c-2\",\"text\":\"hi\"}", "c-2"),
            new Bad("{\"type\":\"typing\",\"roomId\":\"" + room + "\",\"typing\":\"yes\"}", room),
            new Bad("{\"type\":\"read\",\"roomId\":\"" + room + "\"}", room),
            new Bad("{\"type\":\"read\",\"roomId\":\"" + room + "\",\"seq\":1.5}", room),
            new Bad("{\"type\":\"leave\"}", null));
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      for (Bad bad : frames) {
        socket.sendText(bad.text());
        JsonObject error = next(socket);
        assertThat(error.getString("type")).as(bad.text()).isEqualTo("error");
        assertThat(error.getString("code")).as(bad.text()).isEqualTo("bad_request");
        if (bad.ref() != null) {
          assertThat(error.getString("ref")).as(bad.text()).isEqualTo(bad.ref());
        }
        assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at org.");
        stillServing(socket);
      }
      // Still a working socket: it joins and posts.
      joined(socket, room, 2);
      socket.send(message(room, "after-the-noise", "Still here"));
      assertThat(socket.await("ack").getJsonNumber("seq").longValue()).isEqualTo(3);
    }
  }

  @Test
  void aPingIsAnsweredWithAPong(ConciergeServer server, Desk desk) {
    try (SocketClient socket = SocketClient.signedIn(server, desk.newVisitor())) {
      for (int i = 0; i < 3; i++) {
        socket.send(ping());
        assertThat(next(socket)).isEqualTo(Json.of("type", "pong"));
      }
      silent(socket);
    }
  }
}
