package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.concierge.testing.Client;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.Session;

/** The steps chat tests repeat, each checking the answer a client relies on. */
final class Chats {

  /** ISO-8601 UTC with milliseconds, as API.md writes every time. */
  static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

  /** An id no chat has. */
  static final String UNKNOWN_ID = "0123456789abcdef01234567";

  private Chats() {}

  static String path(JsonObject chat) {
    return path(chat.getString("id"));
  }

  static String path(String roomId) {
    return "/api/chat/" + roomId;
  }

  /** Starts a chat with the given body members; it must answer 201. */
  static JsonObject start(Session traveler, Object... body) {
    Reply reply = traveler.client().post("/api/chat/start", Json.of(body));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  static JsonObject startChat(Session traveler, String priority) {
    return start(traveler, "subject", "Help with " + priority, "priority", priority);
  }

  static JsonObject accept(Session agent, JsonObject chat) {
    Reply reply = agent.client().post(path(chat) + "/accept");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** A chat of {@code traveler}, accepted by {@code agent}. */
  static JsonObject acceptedChat(Session traveler, Session agent) {
    return accept(agent, start(traveler, "subject", "My booking", "message", "Hello?"));
  }

  static JsonObject close(Session who, JsonObject chat) {
    Reply reply = who.client().post(path(chat) + "/close");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** The chat as {@code who} sees it now; it must answer 200. */
  static JsonObject reload(Session who, JsonObject chat) {
    Reply reply = who.client().get(path(chat));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static Reply post(Session who, JsonObject chat, String text) {
    return post(who, chat, UUID.randomUUID().toString(), text);
  }

  static Reply post(Session who, JsonObject chat, String clientId, String text) {
    return who.client().post(path(chat) + "/messages", Json.of("clientId", clientId, "text", text));
  }

  /** Every message of the chat, following the pages. */
  static List<JsonObject> transcript(Session who, JsonObject chat) {
    List<JsonObject> all = new ArrayList<>();
    String after = "0";
    while (after != null) {
      Reply page = who.client().get(path(chat) + "/messages?limit=100&after=" + after);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      all.addAll(objects(page.items()));
      after = page.items().isEmpty() ? null : nextCursor(page);
    }
    return all;
  }

  /** Every item of a list, following nextCursor, with {@code limit} items a page. */
  static List<JsonObject> everyItem(Client client, String path, int limit) {
    List<JsonObject> all = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    String cursor = null;
    do {
      String query = separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
      Reply page = client.get(path + query);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      all.addAll(objects(page.items()));
      cursor = nextCursor(page);
    } while (cursor != null);
    return all;
  }

  static String nextCursor(Reply page) {
    JsonObject body = page.json();
    assertThat(body.containsKey("nextCursor")).as(page.toString()).isTrue();
    return body.isNull("nextCursor") ? null : body.getString("nextCursor");
  }

  static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonValue::asJsonObject).toList();
  }

  static List<String> ids(List<JsonObject> objects) {
    return objects.stream().map(o -> o.getString("id")).toList();
  }

  /** An RFC 9457 problem with this status, and nothing of the server's insides. */
  static JsonObject problem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("at java.")
        .doesNotContain("Caused by");
    JsonObject problem = reply.json();
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  /** A 400 problem naming {@code field} among its errors. */
  static void invalid(Reply reply, String field) {
    JsonObject problem = problem(reply, 400);
    assertThat(
            objects(problem.getJsonArray("errors")).stream()
                .map(e -> e.getString("field"))
                .toList())
        .as(reply.toString())
        .contains(field);
  }

  /** {@code count} code points that are two chars each in Java. */
  static String emojis(int count) {
    return "\uD83D\uDE00".repeat(count);
  }
}
