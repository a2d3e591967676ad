package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.chat.Chats.ISO_MILLIS;
import static org.concierge.chat.Chats.UNKNOWN_ID;
import static org.concierge.chat.Chats.accept;
import static org.concierge.chat.Chats.acceptedChat;
import static org.concierge.chat.Chats.close;
import static org.concierge.chat.Chats.emojis;
import static org.concierge.chat.Chats.invalid;
import static org.concierge.chat.Chats.nextCursor;
import static org.concierge.chat.Chats.path;
import static org.concierge.chat.Chats.post;
import static org.concierge.chat.Chats.problem;
import static org.concierge.chat.Chats.start;

import jakarta.json.JsonObject;
import java.util.List;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starting a chat, who may see it, and its messages. */
@ExtendWith(ServerExtension.class)
class ChatAccessIT {

  @Test
  void startsAPendingChatOfNormalPriority(Desk desk) {
    Session traveler = desk.newTraveler();
    Reply reply = traveler.client().post("/api/chat/start", Json.of("subject", "  Lost bag  "));

    assertThat(reply.status()).isEqualTo(201);
    JsonObject chat = reply.json();
    assertThat(chat.getString("id")).isNotBlank();
    assertThat(chat.getString("status")).isEqualTo("pending");
    assertThat(chat.getString("priority")).isEqualTo("normal");
    assertThat(chat.getString("subject")).isEqualTo("Lost bag");
    assertThat(chat.getBoolean("escalated")).isFalse();
    assertThat(chat.getJsonObject("traveler").getString("id")).isEqualTo(traveler.id());
    assertThat(chat.getJsonObject("traveler").getString("name")).isEqualTo(traveler.name());
    assertThat(chat.isNull("agent")).isTrue();
    assertThat(chat.getString("createdAt")).matches(ISO_MILLIS);
    assertThat(chat.getJsonArray("transfers")).isEmpty();
    assertThat(chat.getInt("lastSeq")).isZero();
    assertThat(chat.containsKey("closedAt")).isFalse();
    assertThat(chat.containsKey("rating")).isFalse();
  }

  @Test
  void startsAChatWithNoBodyAtAll(Desk desk) {
    Reply reply = desk.newVisitor().client().post("/api/chat/start", Json.of());
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().getString("priority")).isEqualTo("normal");
  }

  @Test
  void startsAChatWithTheGivenPriorityAndDepartment(Desk desk) {
    JsonObject chat = start(desk.newTraveler(), "priority", "urgent", "department", "flights");
    assertThat(chat.getString("priority")).isEqualTo("urgent");
    assertThat(chat.getString("department")).isEqualTo("flights");
  }

  @Test
  void makesTheFirstMessageSeqOne(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler, "message", "  My flight was cancelled  ");
    assertThat(chat.getInt("lastSeq")).isEqualTo(1);
    assertThat(chat.getString("lastMessageAt")).matches(ISO_MILLIS);

    Reply messages = traveler.client().get(path(chat) + "/messages");
    assertThat(messages.status()).isEqualTo(200);
    assertThat(messages.items()).hasSize(1);
    JsonObject first = messages.items().getJsonObject(0);
    assertThat(first.getInt("seq")).isEqualTo(1);
    assertThat(first.getString("type")).isEqualTo("text");
    assertThat(first.getString("text")).isEqualTo("My flight was cancelled");
    assertThat(first.getString("roomId")).isEqualTo(chat.getString("id"));
    assertThat(first.getJsonObject("sender").getString("id")).isEqualTo(traveler.id());
    assertThat(first.getJsonObject("sender").getString("role")).isEqualTo("user");
  }

  @Test
  void refusesInvalidStarts(Desk desk) {
    Session traveler = desk.newTraveler();
    Reply longest = traveler.client().post("/api/chat/start", Json.of("subject", emojis(200)));
    assertThat(longest.status()).isEqualTo(201);
    invalid(traveler.client().post("/api/chat/start", Json.of("subject", emojis(201))), "subject");
    invalid(traveler.client().post("/api/chat/start", Json.of("priority", "asap")), "priority");
    invalid(
        traveler.client().post("/api/chat/start", Json.of("message", emojis(4_001))), "message");
  }

  @Test
  void letsOnlyTravelersStartChats(Desk desk) {
    var body = Json.of("subject", "Hi");
    problem(desk.newAgent().client().post("/api/chat/start", body), 403);
    problem(desk.admin().client().post("/api/chat/start", body), 403);
    problem(desk.anonymous().post("/api/chat/start", body), 401);
  }

  @Test
  void allowsThreeOpenChatsATraveler(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject first = start(traveler);
    start(traveler);
    start(traveler);

    problem(traveler.client().post("/api/chat/start", Json.of()), 409);

    close(traveler, first);
    start(traveler);
    problem(traveler.client().post("/api/chat/start", Json.of()), 409);
  }

  @Test
  void showsAChatToItsPeopleAndToNobodyElse(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session otherAgent = desk.newAgent();
    JsonObject chat = start(traveler, "subject", "Refund");

    assertThat(traveler.client().get(path(chat)).status()).isEqualTo(200);
    assertThat(otherAgent.client().get(path(chat)).status())
        .as("any agent while pending")
        .isEqualTo(200);
    problem(desk.newTraveler().client().get(path(chat)), 404);
    problem(desk.anonymous().get(path(chat)), 401);

    accept(agent, chat);
    Reply owner = traveler.client().get(path(chat));
    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.json().getString("subject")).isEqualTo("Refund");
    assertThat(agent.client().get(path(chat)).status()).isEqualTo(200);
    assertThat(desk.admin().client().get(path(chat)).status()).isEqualTo(200);
    problem(otherAgent.client().get(path(chat)), 404);
    problem(desk.newTraveler().client().get(path(chat)), 404);
  }

  @Test
  void answersUnknownChatsWithNotFound(Desk desk) {
    problem(desk.newTraveler().client().get(path(UNKNOWN_ID)), 404);
    problem(desk.admin().client().get(path(UNKNOWN_ID)), 404);
    problem(desk.newAgent().client().get(path(UNKNOWN_ID) + "/messages"), 404);
  }

  @Test
  void pagesMessagesBySeq(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler, "message", "one");
    for (String text : List.of("two", "three", "four", "five")) {
      assertThat(post(traveler, chat, text).status()).isEqualTo(201);
    }

    Reply first = traveler.client().get(path(chat) + "/messages?limit=2");
    assertThat(seqs(first)).containsExactly(1, 2);
    assertThat(nextCursor(first)).isEqualTo("2");
    Reply second = traveler.client().get(path(chat) + "/messages?limit=2&after=2");
    assertThat(seqs(second)).containsExactly(3, 4);
    assertThat(second.items().getJsonObject(0).getString("text")).isEqualTo("three");
    Reply last =
        traveler.client().get(path(chat) + "/messages?limit=2&after=" + nextCursor(second));
    assertThat(seqs(last)).containsExactly(5);
    assertThat(nextCursor(last)).isNull();

    assertThat(seqs(traveler.client().get(path(chat) + "/messages?after=3"))).containsExactly(4, 5);
    assertThat(seqs(traveler.client().get(path(chat) + "/messages")))
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(traveler.client().get(path(chat) + "/messages?after=5").items()).isEmpty();
    invalid(traveler.client().get(path(chat) + "/messages?after=-1"), "after");
    invalid(traveler.client().get(path(chat) + "/messages?after=abc"), "after");
    invalid(traveler.client().get(path(chat) + "/messages?limit=0"), "limit");
    problem(desk.newTraveler().client().get(path(chat) + "/messages"), 404);
  }

  @Test
  void storesAPostedMessage(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler);
    Reply reply = post(traveler, chat, "client-1", "  \n Where is my refund?\t ");

    assertThat(reply.status()).isEqualTo(201);
    JsonObject message = reply.json();
    assertThat(message.getString("id")).isNotBlank();
    assertThat(message.getString("roomId")).isEqualTo(chat.getString("id"));
    assertThat(message.getInt("seq")).isEqualTo(1);
    assertThat(message.getString("clientId")).isEqualTo("client-1");
    assertThat(message.getString("type")).isEqualTo("text");
    assertThat(message.getString("text")).isEqualTo("Where is my refund?");
    assertThat(message.getString("sentAt")).matches(ISO_MILLIS);
    JsonObject sender = message.getJsonObject("sender");
    assertThat(sender.getString("id")).isEqualTo(traveler.id());
    assertThat(sender.getString("name")).isEqualTo(traveler.name());
    assertThat(sender.getString("role")).isEqualTo("user");
    assertThat(Chats.reload(traveler, chat).getInt("lastSeq")).isEqualTo(1);
  }

  @Test
  void countsTextInCodePoints(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler);
    Reply longest = post(traveler, chat, " " + emojis(4_000) + " ");
    assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
    assertThat(longest.json().getString("text")).isEqualTo(emojis(4_000));

    invalid(post(traveler, chat, emojis(4_001)), "text");
    invalid(post(traveler, chat, " \t\n "), "text");
    invalid(traveler.client().post(path(chat) + "/messages", Json.of("clientId", "x")), "text");
    invalid(traveler.client().post(path(chat) + "/messages", Json.of("text", "hi")), "clientId");
    invalid(post(traveler, chat, "c".repeat(65), "hi"), "clientId");
    assertThat(Chats.reload(traveler, chat).getInt("lastSeq")).isEqualTo(1);
  }

  @Test
  void answersARepeatedClientIdWithTheFirstMessage(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler, "message", "hello");
    JsonObject first = post(traveler, chat, "same-id", "first text").json();

    Reply again = post(traveler, chat, "same-id", "second text");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(first.getString("id"));
    assertThat(again.json().getInt("seq")).isEqualTo(2);
    assertThat(again.json().getString("text")).isEqualTo("first text");
    assertThat(Chats.reload(traveler, chat).getInt("lastSeq")).isEqualTo(2);
    assertThat(seqs(traveler.client().get(path(chat) + "/messages"))).containsExactly(1, 2);
  }

  @Test
  void letsTheAgentAndAdminsWriteAndNobodyElse(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session bystander = desk.newAgent();
    JsonObject chat = start(traveler);

    problem(post(bystander, chat, "Can I help?"), 403);
    problem(post(desk.newTraveler(), chat, "Me too"), 404);
    problem(
        desk.anonymous().post(path(chat) + "/messages", Json.of("clientId", "a", "text", "b")),
        401);

    accept(agent, chat);
    Reply fromAgent = post(agent, chat, "Hi, I am on it");
    assertThat(fromAgent.status()).isEqualTo(201);
    assertThat(fromAgent.json().getJsonObject("sender").getString("role")).isEqualTo("agent");
    assertThat(fromAgent.json().getJsonObject("sender").getString("id")).isEqualTo(agent.id());
    Reply fromAdmin = post(desk.admin(), chat, "Supervising");
    assertThat(fromAdmin.status()).isEqualTo(201);
    assertThat(fromAdmin.json().getJsonObject("sender").getString("role")).isEqualTo("admin");
    problem(post(bystander, chat, "Now?"), 404);
    assertThat(Chats.reload(agent, chat).getString("firstResponseAt")).matches(ISO_MILLIS);
  }

  @Test
  void refusesMessagesToAClosedChat(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);
    JsonObject sent = post(traveler, chat, "before-close", "Thanks").json();
    close(agent, chat);

    problem(post(traveler, chat, "One more thing"), 409);
    problem(post(agent, chat, "Bye"), 409);
    Reply resent = post(traveler, chat, "before-close", "Thanks");
    assertThat(resent.status()).as("a resend still gets its answer").isEqualTo(200);
    assertThat(resent.json().getString("id")).isEqualTo(sent.getString("id"));
  }

  @Test
  void answersBadRequestsWithProblemsOnly(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler);
    problem(
        traveler.client().raw("POST", path(chat) + "/messages", "application/json", "{\"te"), 400);
    problem(traveler.client().raw("POST", path(chat) + "/messages", "text/plain", "hello"), 415);
    problem(traveler.client().raw("POST", "/api/chat/start", "application/json", "[1,2]"), 400);
    problem(desk.newAgent().client().get("/api/chat/history"), 403);
  }

  private static List<Integer> seqs(Reply page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return Chats.objects(page.items()).stream().map(m -> m.getInt("seq")).toList();
  }
}
