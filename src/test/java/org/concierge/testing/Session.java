package org.concierge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * A signed-in person: their client with the token set, and their {@code user}; and the steps of a
 * conversation that tests take over REST, each of which must succeed.
 */
public record Session(Client client, String token, JsonObject user) {

  public String id() {
    return user.getString("id");
  }

  public String email() {
    return user.getString("email");
  }

  public String name() {
    return user.getString("name");
  }

  /** Starts a chat with these members of the request body; its id. */
  public String startChat(Object... body) {
    Reply started = client.post("/api/chat/start", Json.of(body));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().getString("id");
  }

  /** Accepts a waiting chat as this agent; the chat. */
  public JsonObject accept(String room) {
    Reply accepted = client.post("/api/chat/" + room + "/accept");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    return accepted.json();
  }

  /** Writes a message into the chat; the stored message. */
  public JsonObject say(String room, String text) {
    Reply posted =
        client.post(
            "/api/chat/" + room + "/messages",
            Json.of("clientId", UUID.randomUUID().toString(), "text", text));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    return posted.json();
  }
}
