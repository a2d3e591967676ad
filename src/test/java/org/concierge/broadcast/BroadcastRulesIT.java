package org.concierge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may send broadcasts, and what a bad request gets: a clear problem and nothing sent. */
@ExtendWith(ServerExtension.class)
class BroadcastRulesIT {

  /** A broadcast to a period long past, which reaches nobody and so keeps the email lane free. */
  private static final JsonObject TO_NOBODY =
      Json.of(
          "channel",
          "email",
          "audience",
          "travelers",
          "from",
          "2001-01-01T00:00:00Z",
          "to",
          "2001-01-02T00:00:00Z",
          "subject",
          "Hello",
          "text",
          "Hi all");

  @Test
  void onlyAdminsSendOrReadBroadcasts(Desk desk) {
    Session agent = desk.newAgent();
    Session traveler = desk.newTraveler();
    for (Session refused : List.of(agent, traveler)) {
      assertThat(refused.client().post("/api/admin/broadcasts", TO_NOBODY).status()).isEqualTo(403);
      assertThat(refused.client().post("/api/admin/broadcasts/preview", TO_NOBODY).status())
          .isEqualTo(403);
      assertThat(refused.client().get("/api/admin/broadcasts").status()).isEqualTo(403);
    }
    assertThat(desk.anonymous().post("/api/admin/broadcasts", TO_NOBODY).status()).isEqualTo(401);

    Reply sent = desk.admin().client().post("/api/admin/broadcasts", TO_NOBODY);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    String id = sent.json().getString("id");
    assertThat(agent.client().get("/api/admin/broadcasts/" + id).status()).isEqualTo(403);
    JsonObject read = desk.admin().client().get("/api/admin/broadcasts/" + id).json();
    assertThat(read.getString("audience")).isEqualTo("travelers");
    assertThat(read.getInt("recipients")).isZero();
    assertThat(read.getString("text")).isEqualTo("Hi all");
    assertThat(read.getJsonObject("progress"))
        .isEqualTo(Json.of("queued", 0, "sent", 0, "failed", 0));
    assertThat(desk.admin().client().get("/api/admin/broadcasts").items())
        .extracting(b -> b.asJsonObject().getString("id"))
        .contains(id);
  }

  @Test
  void refusesBadRequestsWithAProblemNamingEachField(Desk desk) {
    Session admin = desk.admin();
    int before = admin.client().get("/api/admin/broadcasts?limit=100").items().size();

    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of(
                    "channel", "email", "audience", "agents", "subject", "Hello", "text", "   ")),
        "text");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of(
                    "channel",
                    "email",
                    "audience",
                    "travelers",
                    "from",
                    "2026-05-02T00:00:00Z",
                    "to",
                    "2026-05-01T00:00:00Z",
                    "subject",
                    "Hello",
                    "text",
                    "Hi")),
        "from");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of("channel", "email", "audience", "pilots", "subject", "Hi", "text", "Hi")),
        "audience");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of("channel", "fax", "audience", "admins", "text", "Hi")),
        "channel");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of(
                    "channel",
                    "email",
                    "audience",
                    "travelers",
                    "subject",
                    "Hi",
                    "text",
                    "Hi",
                    "from",
                    "yesterday")),
        "from",
        "to");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts/preview",
                Json.of("channel", "email", "audience", "agents", "status", "closed")),
        "status");
    assertProblem(
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of("channel", "sms", "audience", "admins", "subject", "Hi", "text", "Hi")),
        "subject");
    Reply notJson =
        admin.client().raw("POST", "/api/admin/broadcasts", "application/json", "{\"channel\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");

    assertThat(admin.client().get("/api/admin/broadcasts?limit=100").items()).hasSize(before);
    Reply unknown = admin.client().get("/api/admin/broadcasts/no-such-broadcast");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void documentsTheEndpointsInOpenApi(Desk desk) {
    JsonObject paths = desk.anonymous().get("/openapi?format=JSON").json().getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/admin/broadcasts")).containsKeys("get", "post");
    assertThat(paths.getJsonObject("/api/admin/broadcasts/{id}")).containsKey("get");
    assertThat(paths.getJsonObject("/api/admin/broadcasts/preview")).containsKey("post");
  }

  private static void assertProblem(Reply reply, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getJsonArray("errors"))
        .extracting(e -> e.asJsonObject().getString("field"))
        .contains(fields);
    assertThat(reply.json().getJsonArray("errors"))
        .allSatisfy(e -> assertThat(e.getValueType()).isEqualTo(JsonValue.ValueType.OBJECT));
  }
}
