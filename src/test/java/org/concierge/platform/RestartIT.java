package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What was acknowledged before the server process stopped is there when it comes back. */
@ExtendWith(ServerExtension.class)
class RestartIT {

  @Test
  void peopleChatsMessagesAndTokensSurviveARestart(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    String email = traveler.user().getString("email");
    Session agent = desk.newAgent();
    String agentEmail = agent.user().getString("email");
    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "away")).status())
        .isEqualTo(200);

    Reply started =
        traveler
            .client()
            .post(
                "/api/chat/start",
                Json.of(
                    "subject",
                    "Visa question",
                    "message",
                    "Do I need a visa?",
                    "priority",
                    "high"));
    assertThat(started.status()).isEqualTo(201);
    String room = started.json().getString("id");
    assertThat(agent.client().post("/api/chat/" + room + "/accept").status()).isEqualTo(200);
    String repeatedClientId = UUID.randomUUID().toString();
    assertThat(post(agent, room, repeatedClientId, "Which passport do you hold?").status())
        .isEqualTo(201);
    assertThat(post(traveler, room, UUID.randomUUID().toString(), "Swiss 🇨🇭").status())
        .isEqualTo(201);
    Session pendingOwner = desk.newTraveler();
    String pending =
        pendingOwner.client().post("/api/chat/start", Json.of()).json().getString("id");

    // A room as an earlier version stored it, whose messages the restart must find again.
    Session formerOwner = desk.newTraveler();
    String former =
        formerOwner
            .client()
            .post("/api/chat/start", Json.of("message", "Stored the former way"))
            .json()
            .getString("id");
    assertThat(post(formerOwner, former, "former-2", "Also stored the former way").status())
        .isEqualTo(201);
    assertThat(formerOwner.client().post("/api/test/former-store?room=" + former).status())
        .isEqualTo(204);

    JsonObject chatBefore = traveler.client().get("/api/chat/" + room).json();
    String messagesBefore = traveler.client().get("/api/chat/" + room + "/messages").body();
    JsonObject meBefore = agent.client().get("/api/auth/me").json();
    long lastSeq = chatBefore.getJsonNumber("lastSeq").longValue();
    assertThat(lastSeq).isEqualTo(4);

    server.restart();

    Reply me = traveler.client().get("/api/auth/me");
    assertThat(me.status()).as("the token issued before the restart").isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(traveler.id());
    assertThat(agent.client().get("/api/auth/me").json()).isEqualTo(meBefore);
    assertThat(desk.login(email, "traveler-pass").id()).isEqualTo(traveler.id());
    assertThat(desk.login(agentEmail, "staff-password").id()).isEqualTo(agent.id());

    assertThat(traveler.client().get("/api/chat/" + room).json()).isEqualTo(chatBefore);
    assertThat(traveler.client().get("/api/chat/" + room + "/messages").body())
        .isEqualTo(messagesBefore);
    assertThat(agent.client().get("/api/chat/" + pending).json().getString("status"))
        .isEqualTo("pending");
    JsonObject history = traveler.client().get("/api/chat/history").items().getJsonObject(0);
    assertThat(history).isEqualTo(chatBefore);

    List<JsonObject> formerMessages =
        formerOwner
            .client()
            .get("/api/chat/" + former + "/messages")
            .items()
            .getValuesAs(JsonObject.class);
    assertThat(formerMessages)
        .extracting(m -> m.getInt("seq"), m -> m.getString("text"))
        .containsExactly(tuple(1, "Stored the former way"), tuple(2, "Also stored the former way"));
    assertThat(post(formerOwner, former, "former-2", "Also stored the former way").status())
        .as("a clientId stored the former way")
        .isEqualTo(200);
    assertThat(post(formerOwner, former, "former-3", "After").json().getInt("seq")).isEqualTo(3);

    Reply resent = post(agent, room, repeatedClientId, "Which passport do you hold?");
    assertThat(resent.status()).as("a clientId used before the restart").isEqualTo(200);
    assertThat(resent.json().getJsonNumber("seq").longValue()).isEqualTo(3);

    Reply next = post(traveler, room, UUID.randomUUID().toString(), "Still there?");
    assertThat(next.status()).isEqualTo(201);
    assertThat(next.json().getJsonNumber("seq").longValue()).isEqualTo(lastSeq + 1);
    Reply answer = post(agent, room, UUID.randomUUID().toString(), "Yes.");
    assertThat(answer.json().getJsonNumber("seq").longValue()).isEqualTo(lastSeq + 2);
    assertThat(
            traveler.client().get("/api/chat/" + room).json().getJsonNumber("lastSeq").longValue())
        .isEqualTo(lastSeq + 2);

    Reply closed = traveler.client().post("/api/chat/" + room + "/close");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().getJsonNumber("lastSeq").longValue()).isEqualTo(lastSeq + 3);
  }

  private static Reply post(Session who, String room, String clientId, String text) {
    return who.client()
        .post("/api/chat/" + room + "/messages", Json.of("clientId", clientId, "text", text));
  }
}
