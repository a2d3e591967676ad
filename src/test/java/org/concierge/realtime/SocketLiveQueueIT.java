package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.accept;
import static org.concierge.realtime.Sockets.joined;
import static org.concierge.realtime.Sockets.next;
import static org.concierge.realtime.Sockets.noneOf;
import static org.concierge.realtime.Sockets.ok;
import static org.concierge.realtime.Sockets.seq;
import static org.concierge.realtime.Sockets.silent;

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

/** What the server sends without being asked: chat changes, the queue and presence. */
@ExtendWith(ServerExtension.class)
class SocketLiveQueueIT {

  @Test
  void everyChangeOfAJoinedChatArrivesAsAChatFrameWithItsSystemMessage(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    Session admin = desk.admin();
    String room = Sockets.pendingRoom(traveler);
    String path = "/api/chat/" + room;
    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient adminSocket = SocketClient.signedIn(server, admin);
        SocketClient notJoined = SocketClient.signedIn(server, traveler)) {
      joined(travelerSocket, room, 0);
      joined(adminSocket, room, 0);
      List<SocketClient> watchers = List.of(travelerSocket, adminSocket);

      accept(first, room);
      expectChange(
          watchers,
          1,
          chat -> {
            assertThat(chat.getString("status")).isEqualTo("active");
            assertThat(chat.getJsonObject("agent").getString("id")).isEqualTo(first.id());
          });

      ok(first.client().put(path + "/priority", Json.of("priority", "high")));
      expectChange(watchers, 2, chat -> assertThat(chat.getString("priority")).isEqualTo("high"));

      ok(first.client().post(path + "/transfer", Json.of("agentId", second.id(), "note", "VIP")));
      expectChange(
          watchers,
          3,
          chat -> {
            assertThat(chat.getJsonObject("agent").getString("id")).isEqualTo(second.id());
            JsonObject transfer = chat.getJsonArray("transfers").getJsonObject(0);
            assertThat(transfer.getString("fromAgentId")).isEqualTo(first.id());
            assertThat(transfer.getString("toAgentId")).isEqualTo(second.id());
          });

      ok(second.client().post(path + "/escalate", Json.of("reason", "Angry")));
      expectChange(
          watchers,
          4,
          chat -> {
            assertThat(chat.getBoolean("escalated")).isTrue();
            assertThat(chat.getString("priority")).isEqualTo("urgent");
          });

      ok(traveler.client().post(path + "/close", Json.of("reason", "Solved")));
      expectChange(
          watchers,
          5,
          chat -> {
            assertThat(chat.getString("status")).isEqualTo("closed");
            assertThat(chat.getJsonObject("closedBy").getString("id")).isEqualTo(traveler.id());
            assertThat(chat.getJsonObject("closedBy").getString("role")).isEqualTo("user");
          });

      ok(traveler.client().post(path + "/rating", Json.of("score", 5, "comment", "Great")));
      expectChange(
          watchers,
          6,
          chat -> assertThat(chat.getJsonObject("rating").getInt("score")).isEqualTo(5));

      for (SocketClient watcher : watchers) {
        noneOf(watcher, "chat");
      }
      silent(notJoined);
    }
  }

  @Test
  void queueFramesGoToEveryAgentAndAdminSocketAndNeverToTravelers(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session otherAgent = desk.newAgent();
    Session admin = desk.admin();
    try (SocketClient agentSocket = SocketClient.signedIn(server, agent);
        SocketClient otherTab1 = SocketClient.signedIn(server, otherAgent);
        SocketClient otherTab2 = SocketClient.signedIn(server, otherAgent);
        SocketClient adminSocket = SocketClient.signedIn(server, admin);
        SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient otherTraveler = SocketClient.signedIn(server, desk.newTraveler())) {
      List<SocketClient> staff = List.of(agentSocket, otherTab1, otherTab2, adminSocket);

      String room =
          Sockets.start(traveler, "subject", "Visa", "message", "Do I need one?", "priority", "low")
              .getString("id");
      for (SocketClient socket : staff) {
        JsonObject added = queue(socket, "added", room);
        assertThat(added.getJsonObject("chat").getString("status")).isEqualTo("pending");
        assertThat(added.getJsonObject("chat").getString("priority")).isEqualTo("low");
        assertThat(added.getJsonObject("chat").getString("subject")).isEqualTo("Visa");
      }

      ok(admin.client().put("/api/chat/" + room + "/priority", Json.of("priority", "high")));
      for (SocketClient socket : staff) {
        JsonObject updated = queue(socket, "updated", room);
        assertThat(updated.getJsonObject("chat").getString("priority")).isEqualTo("high");
        assertThat(updated.getJsonObject("chat").getString("status")).isEqualTo("pending");
      }

      accept(agent, room);
      for (SocketClient socket : staff) {
        JsonObject removed = queue(socket, "removed", room);
        assertThat(removed.getJsonObject("chat").getString("status")).isEqualTo("active");
      }
      assigned(agentSocket, room, agent);

      // Changes to a chat that is no longer waiting do not touch the queue.
      ok(agent.client().put("/api/chat/" + room + "/priority", Json.of("priority", "normal")));
      ok(agent.client().post("/api/chat/" + room + "/escalate", Json.of()));
      ok(agent.client().post("/api/chat/" + room + "/close", Json.of()));

      // A waiting chat closed by its traveler leaves the queue.
      String second = Sockets.pendingRoom(traveler);
      ok(traveler.client().post("/api/chat/" + second + "/close", Json.of()));
      for (SocketClient socket : staff) {
        queue(socket, "added", second);
        JsonObject removed = queue(socket, "removed", second);
        assertThat(removed.getJsonObject("chat").getString("status")).isEqualTo("closed");
      }
      for (SocketClient socket : staff) {
        silent(socket);
      }
      for (SocketClient socket : List.of(travelerSocket, otherTraveler)) {
        silent(socket);
      }
    }
  }

  @Test
  void presenceGoesToEveryAgentAndAdminSocketAndNeverToTravelers(
      ConciergeServer server, Desk desk) {
    Session agent = desk.newAgent();
    Session otherAgent = desk.newAgent();
    Session admin = desk.newAdmin();
    Session traveler = desk.newTraveler();
    try (SocketClient own = SocketClient.signedIn(server, agent);
        SocketClient otherSocket = SocketClient.signedIn(server, otherAgent);
        SocketClient adminSocket = SocketClient.signedIn(server, admin);
        SocketClient travelerSocket = SocketClient.signedIn(server, traveler)) {
      List<SocketClient> staff = List.of(own, otherSocket, adminSocket);
      for (String status : List.of("online", "away", "offline", "online")) {
        ok(agent.client().put("/api/agents/me/status", Json.of("status", status)));
        for (SocketClient socket : staff) {
          JsonObject presence = next(socket);
          assertThat(presence)
              .isEqualTo(Json.of("type", "presence", "userId", agent.id(), "status", status));
        }
      }
      // Setting the same status again changes nothing and says nothing.
      ok(agent.client().put("/api/agents/me/status", Json.of("status", "online")));
      ok(admin.client().put("/api/agents/me/status", Json.of("status", "away")));
      for (SocketClient socket : staff) {
        assertThat(next(socket))
            .isEqualTo(Json.of("type", "presence", "userId", admin.id(), "status", "away"));
        silent(socket);
      }
      silent(travelerSocket);
    }
  }

  @Test
  void theAgentAChatIsGivenToHearsOfItOnEveryTabAndNobodyElseDoes(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    String room = Sockets.activeRoom(traveler, first);
    try (SocketClient secondTab1 = SocketClient.signedIn(server, second);
        SocketClient secondTab2 = SocketClient.signedIn(server, second);
        SocketClient firstSocket = SocketClient.signedIn(server, first);
        SocketClient travelerSocket = SocketClient.signedIn(server, traveler)) {
      ok(
          first
              .client()
              .post(
                  "/api/chat/" + room + "/transfer",
                  Json.of("agentId", second.id(), "note", "Rail passes")));
      for (SocketClient tab : List.of(secondTab1, secondTab2)) {
        JsonObject chat = assigned(tab, room, second);
        assertThat(chat.getJsonArray("transfers")).hasSize(1);
        silent(tab);
      }
      silent(firstSocket);
      silent(travelerSocket);
    }
  }

  /** The next frame tells this agent the chat is now theirs. */
  private static JsonObject assigned(SocketClient socket, String room, Session agent) {
    JsonObject frame = next(socket);
    assertThat(frame.getString("type")).as(frame.toString()).isEqualTo("assigned");
    JsonObject chat = frame.getJsonObject("chat");
    assertThat(chat.getString("id")).isEqualTo(room);
    assertThat(chat.getString("status")).isEqualTo("active");
    assertThat(chat.getJsonObject("agent").getString("id")).isEqualTo(agent.id());
    return chat;
  }

  /** The next frames are the change's {@code chat} frame, then its system message. */
  private static void expectChange(
      List<SocketClient> watchers, long systemSeq, java.util.function.Consumer<JsonObject> check) {
    for (SocketClient watcher : watchers) {
      JsonObject frame = roomFrame(watcher);
      assertThat(frame.getString("type")).as(frame.toString()).isEqualTo("chat");
      check.accept(frame.getJsonObject("chat"));
      JsonObject system = roomFrame(watcher);
      assertThat(system.getString("type")).as(system.toString()).isEqualTo("message");
      assertThat(system.getJsonObject("message").getString("type")).isEqualTo("system");
      assertThat(system.getJsonObject("message").getJsonObject("sender").getString("role"))
          .isEqualTo("system");
      assertThat(seq(system.getJsonObject("message"))).isEqualTo(systemSeq);
      assertThat(frame.getJsonObject("chat").getJsonNumber("lastSeq").longValue())
          .isEqualTo(systemSeq);
    }
  }

  /** The next frame of the room, past the queue frames an admin's socket also gets. */
  private static JsonObject roomFrame(SocketClient socket) {
    return socket.await(frame -> !"queue".equals(frame.getString("type")), "room frame");
  }

  /** The next frame must be a queue frame of this event about this chat. */
  private static JsonObject queue(SocketClient socket, String event, String room) {
    JsonObject frame = next(socket);
    assertThat(frame.getString("type")).as(frame.toString()).isEqualTo("queue");
    assertThat(frame.getString("event")).as(frame.toString()).isEqualTo(event);
    assertThat(frame.getJsonObject("chat").getString("id")).isEqualTo(room);
    return frame;
  }
}
