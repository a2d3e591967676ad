package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.chat.Chats.ISO_MILLIS;
import static org.concierge.chat.Chats.UNKNOWN_ID;
import static org.concierge.chat.Chats.accept;
import static org.concierge.chat.Chats.acceptedChat;
import static org.concierge.chat.Chats.close;
import static org.concierge.chat.Chats.invalid;
import static org.concierge.chat.Chats.path;
import static org.concierge.chat.Chats.post;
import static org.concierge.chat.Chats.problem;
import static org.concierge.chat.Chats.reload;
import static org.concierge.chat.Chats.start;
import static org.concierge.chat.Chats.startChat;
import static org.concierge.chat.Chats.transcript;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.LongStream;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A chat from the queue to its rating: every change, who may make it, and the transcript. */
@ExtendWith(ServerExtension.class)
class ChatLifecycleIT {

  @Test
  void acceptsAPendingChatOnce(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = start(traveler, "subject", "Seat change");

    Reply accepted = agent.client().post(path(chat) + "/accept");
    assertThat(accepted.status()).isEqualTo(200);
    JsonObject active = accepted.json();
    assertThat(active.getString("status")).isEqualTo("active");
    assertThat(active.getJsonObject("agent").getString("id")).isEqualTo(agent.id());
    assertThat(active.getJsonObject("agent").getString("name")).isEqualTo(agent.name());
    assertThat(active.getString("assignedAt")).matches(ISO_MILLIS);
    assertThat(reload(traveler, chat).getJsonObject("agent").getString("id")).isEqualTo(agent.id());

    problem(desk.newAgent().client().post(path(chat) + "/accept"), 409);
    problem(agent.client().post(path(chat) + "/accept"), 409);
    problem(traveler.client().post(path(chat) + "/accept"), 403);
    problem(desk.anonymous().post(path(chat) + "/accept"), 401);
    problem(agent.client().post(path(UNKNOWN_ID) + "/accept"), 404);
    assertThat(reload(traveler, chat).getJsonObject("agent").getString("id")).isEqualTo(agent.id());
  }

  @Test
  void letsAdminsAcceptButNotAClosedChat(Desk desk) {
    Session traveler = desk.newTraveler();
    Session admin = desk.newAdmin();
    JsonObject taken = accept(admin, start(traveler));
    assertThat(taken.getJsonObject("agent").getString("id")).isEqualTo(admin.id());

    JsonObject closed = start(traveler);
    close(traveler, closed);
    problem(desk.newAgent().client().post(path(closed) + "/accept"), 409);
  }

  @Test
  void changesThePriority(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);

    Reply byAgent = agent.client().put(path(chat) + "/priority", Json.of("priority", "high"));
    assertThat(byAgent.status()).isEqualTo(200);
    assertThat(byAgent.json().getString("priority")).isEqualTo("high");
    Reply byAdmin = desk.admin().client().put(path(chat) + "/priority", Json.of("priority", "low"));
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(byAdmin.json().getString("priority")).isEqualTo("low");
    assertThat(reload(traveler, chat).getString("priority")).isEqualTo("low");

    var urgent = Json.of("priority", "urgent");
    problem(desk.newAgent().client().put(path(chat) + "/priority", urgent), 404);
    problem(traveler.client().put(path(chat) + "/priority", urgent), 403);
    invalid(
        agent.client().put(path(chat) + "/priority", Json.of("priority", "URGENT!")), "priority");
    invalid(agent.client().put(path(chat) + "/priority", Json.of()), "priority");
    close(agent, chat);
    problem(agent.client().put(path(chat) + "/priority", urgent), 409);
    assertThat(reload(traveler, chat).getString("priority")).isEqualTo("low");
  }

  @Test
  void transfersAChatToAnotherAgent(Desk desk) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, first);

    Reply reply =
        first
            .client()
            .post(
                path(chat) + "/transfer",
                Json.of("agentId", second.id(), "note", "Knows the refund rules"));
    assertThat(reply.status()).isEqualTo(200);
    JsonObject moved = reply.json();
    assertThat(moved.getString("status")).isEqualTo("active");
    assertThat(moved.getJsonObject("agent").getString("id")).isEqualTo(second.id());
    assertThat(moved.getJsonObject("agent").getString("name")).isEqualTo(second.name());
    assertThat(moved.getJsonArray("transfers")).hasSize(1);
    JsonObject transfer = moved.getJsonArray("transfers").getJsonObject(0);
    assertThat(transfer.getString("fromAgentId")).isEqualTo(first.id());
    assertThat(transfer.getString("toAgentId")).isEqualTo(second.id());
    assertThat(transfer.getString("note")).isEqualTo("Knows the refund rules");
    assertThat(transfer.getString("at")).matches(ISO_MILLIS);

    assertThat(reload(second, chat).getJsonObject("agent").getString("id")).isEqualTo(second.id());
    assertThat(post(second, chat, "I'll take it from here").status()).isEqualTo(201);
    problem(first.client().get(path(chat)), 404);
    problem(post(first, chat, "Still here?"), 404);

    Reply byAdmin =
        desk.admin().client().post(path(chat) + "/transfer", Json.of("agentId", first.id()));
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(byAdmin.json().getJsonObject("agent").getString("id")).isEqualTo(first.id());
    assertThat(byAdmin.json().getJsonArray("transfers")).hasSize(2);
    assertThat(byAdmin.json().getJsonArray("transfers").getJsonObject(1).containsKey("note"))
        .isFalse();
  }

  @Test
  void transfersOnlyActiveChatsToAgents(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);

    String transfer = path(chat) + "/transfer";
    invalid(agent.client().post(transfer, Json.of("agentId", traveler.id())), "agentId");
    invalid(agent.client().post(transfer, Json.of("agentId", UNKNOWN_ID)), "agentId");
    invalid(agent.client().post(transfer, Json.of()), "agentId");
    problem(traveler.client().post(transfer, Json.of("agentId", agent.id())), 403);
    problem(desk.newAgent().client().post(transfer, Json.of("agentId", agent.id())), 404);
    assertThat(reload(agent, chat).getJsonArray("transfers")).isEmpty();

    Session admin = desk.admin();
    JsonObject pending = start(traveler);
    problem(admin.client().post(path(pending) + "/transfer", Json.of("agentId", agent.id())), 409);
    close(agent, chat);
    problem(admin.client().post(transfer, Json.of("agentId", desk.newAgent().id())), 409);
  }

  @Test
  void escalatesOnceRaisingThePriority(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);

    Reply reply = agent.client().post(path(chat) + "/escalate", Json.of("reason", "VIP"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getBoolean("escalated")).isTrue();
    assertThat(reply.json().getString("priority")).isEqualTo("high");
    assertThat(reload(traveler, chat).getBoolean("escalated")).isTrue();

    problem(agent.client().post(path(chat) + "/escalate"), 409);
    assertThat(reload(traveler, chat).getString("priority")).isEqualTo("high");
  }

  @Test
  void keepsAnUrgentChatUrgentWhenEscalated(Desk desk) {
    Session agent = desk.newAgent();
    JsonObject chat = accept(agent, startChat(desk.newTraveler(), "urgent"));

    Reply reply = agent.client().post(path(chat) + "/escalate");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getBoolean("escalated")).isTrue();
    assertThat(reply.json().getString("priority")).isEqualTo("urgent");
  }

  @Test
  void letsOnlyTheAssignedAgentEscalate(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);
    String escalate = path(chat) + "/escalate";

    // An admin sees every chat, but escalating is the assigned agent's call.
    problem(desk.admin().client().post(escalate), 403);
    problem(desk.newAgent().client().post(escalate), 404);
    problem(traveler.client().post(escalate), 403);
    problem(desk.newAgent().client().post(path(start(traveler)) + "/escalate"), 403);
    assertThat(reload(traveler, chat).getBoolean("escalated")).isFalse();

    close(agent, chat);
    problem(agent.client().post(escalate), 409);
  }

  @Test
  void letsTheTravelerCloseWithoutABody(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = acceptedChat(traveler, desk.newAgent());

    Reply reply = traveler.client().post(path(chat) + "/close");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject closed = reply.json();
    assertThat(closed.getString("status")).isEqualTo("closed");
    assertThat(closed.getString("closedAt")).matches(ISO_MILLIS);
    assertThat(closed.getJsonObject("closedBy").getString("id")).isEqualTo(traveler.id());
    assertThat(closed.getJsonObject("closedBy").getString("role")).isEqualTo("user");

    problem(traveler.client().post(path(chat) + "/close"), 409);
    problem(traveler.client().post(path(chat) + "/close", Json.of("reason", "again")), 409);
  }

  @Test
  void letsTheAgentCloseWithAReason(Desk desk) {
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(desk.newTraveler(), agent);

    Reply reply = agent.client().post(path(chat) + "/close", Json.of("reason", "Solved"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("closed");
    assertThat(reply.json().getJsonObject("closedBy").getString("id")).isEqualTo(agent.id());
    assertThat(reply.json().getJsonObject("closedBy").getString("role")).isEqualTo("agent");
    List<JsonObject> messages = transcript(agent, chat);
    assertThat(messages.get(messages.size() - 1).getString("text")).contains("Solved");
    problem(agent.client().post(path(chat) + "/close", Json.of("reason", "Solved")), 409);
  }

  @Test
  void letsAnAdminCloseAnyChatButNotOtherAgents(Desk desk) {
    Session traveler = desk.newTraveler();
    Session admin = desk.admin();
    JsonObject chat = acceptedChat(traveler, desk.newAgent());
    JsonObject pending = start(traveler);

    problem(desk.newAgent().client().post(path(chat) + "/close"), 404);
    problem(desk.newAgent().client().post(path(pending) + "/close"), 403);
    problem(desk.newTraveler().client().post(path(chat) + "/close"), 404);

    Reply reply = admin.client().post(path(chat) + "/close", Json.of());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonObject("closedBy").getString("id")).isEqualTo(admin.id());
    assertThat(reply.json().getJsonObject("closedBy").getString("role")).isEqualTo("admin");
    assertThat(admin.client().post(path(pending) + "/close").status()).isEqualTo(200);
    problem(admin.client().post(path(chat) + "/close"), 409);
  }

  @Test
  void letsTheTravelerRateAClosedChatOnce(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);
    String rating = path(chat) + "/rating";

    problem(traveler.client().post(rating, Json.of("score", 5)), 409);
    close(agent, chat);
    invalid(traveler.client().post(rating, Json.of("score", 0)), "score");
    invalid(traveler.client().post(rating, Json.of("score", 6)), "score");
    invalid(traveler.client().post(rating, Json.of("comment", "no score")), "score");
    invalid(
        traveler.client().post(rating, Json.of("score", 4, "comment", "x".repeat(1_001))),
        "comment");
    problem(agent.client().post(rating, Json.of("score", 5)), 403);
    problem(desk.admin().client().post(rating, Json.of("score", 5)), 403);
    problem(desk.newTraveler().client().post(rating, Json.of("score", 5)), 404);

    Reply rated =
        traveler
            .client()
            .post(rating, Json.of("score", 4, "comment", " " + "y".repeat(1_000) + " "));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.json().getJsonObject("rating").getInt("score")).isEqualTo(4);
    assertThat(rated.json().getJsonObject("rating").getString("comment"))
        .isEqualTo("y".repeat(1_000));
    assertThat(reload(traveler, chat).getJsonObject("rating").getInt("score")).isEqualTo(4);

    problem(traveler.client().post(rating, Json.of("score", 1)), 409);
    assertThat(reload(traveler, chat).getJsonObject("rating").getInt("score")).isEqualTo(4);
  }

  @Test
  void tellsTheWholeStoryInTheTranscript(Desk desk) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    JsonObject chat = start(traveler, "message", "My suitcase is in Oslo");
    String room = path(chat);

    accept(first, chat);
    assertThat(post(first, chat, "Let me check").status()).isEqualTo(201);
    assertThat(first.client().put(room + "/priority", Json.of("priority", "high")).status())
        .isEqualTo(200);
    assertThat(first.client().post(room + "/transfer", Json.of("agentId", second.id())).status())
        .isEqualTo(200);
    assertThat(second.client().post(room + "/escalate", Json.of("reason", "Lost")).status())
        .isEqualTo(200);
    close(second, chat);
    assertThat(traveler.client().post(room + "/rating", Json.of("score", 5)).status())
        .isEqualTo(200);

    List<JsonObject> messages = transcript(traveler, chat);
    assertThat(messages.stream().map(m -> m.getJsonNumber("seq").longValue()).toList())
        .isEqualTo(LongStream.rangeClosed(1, 8).boxed().toList());
    assertThat(messages.stream().map(m -> m.getString("type")).toList())
        .containsExactly(
            "text", "system", "text", "system", "system", "system", "system", "system");
    for (JsonObject message : messages) {
      assertThat(message.getString("sentAt")).matches(ISO_MILLIS);
      if (message.getString("type").equals("system")) {
        JsonObject sender = message.getJsonObject("sender");
        assertThat(sender.getString("id")).isEqualTo("system");
        assertThat(sender.getString("name")).isEqualTo("Concierge");
        assertThat(sender.getString("role")).isEqualTo("system");
        assertThat(message.containsKey("clientId")).isFalse();
      }
    }
    assertThat(messages.get(1).getString("text")).contains(first.name());
    assertThat(messages.get(3).getString("text")).contains("high");
    assertThat(messages.get(4).getString("text")).contains(second.name());
    assertThat(messages.get(5).getString("text")).containsIgnoringCase("escalat").contains("Lost");
    assertThat(messages.get(6).getString("text")).containsIgnoringCase("closed");
    assertThat(messages.get(7).getString("text")).contains("5");
    JsonObject last = reload(traveler, chat);
    assertThat(last.getInt("lastSeq")).isEqualTo(8);
    assertThat(last.getString("lastMessageAt")).isEqualTo(messages.get(7).getString("sentAt"));
  }
}
