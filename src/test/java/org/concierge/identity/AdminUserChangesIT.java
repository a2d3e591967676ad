package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code PUT /api/admin/users/{id}}: roles, disabled accounts, and the admins the desk keeps. */
@ExtendWith(ServerExtension.class)
class AdminUserChangesIT {

  @Test
  void anAdminMakesAnAgentAnAdminAndBack(Desk desk) {
    Session admin = desk.newAdmin();
    Session agent = desk.newAgent();

    Reply promoted = change(admin, agent.id(), Json.of("role", "admin"));
    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    assertThat(promoted.json().getString("role")).isEqualTo("admin");
    assertThat(promoted.json().getBoolean("disabled")).isFalse();
    assertThat(promoted.json().getString("id")).isEqualTo(agent.id());
    // The agent's token keeps working, with an agent's rights, until they sign in again.
    assertThat(agent.client().get("/api/auth/me").status()).isEqualTo(200);
    assertThat(agent.client().get("/api/admin/users").status()).isEqualTo(403);
    Session promotedAgain = desk.login(agent.email(), Desk.STAFF_PASSWORD);
    assertThat(promotedAgain.client().get("/api/admin/users").status()).isEqualTo(200);

    Reply demoted = change(admin, agent.id(), Json.of("role", "agent"));
    assertThat(demoted.status()).isEqualTo(200);
    assertThat(demoted.json().getString("role")).isEqualTo("agent");
    // An admin token of someone who is an agent now speaks for nobody.
    assertThat(promotedAgain.client().get("/api/auth/me").status()).isEqualTo(401);
    Session asAgent = desk.login(agent.email(), Desk.STAFF_PASSWORD);
    assertThat(asAgent.user().getString("role")).isEqualTo("agent");
    assertThat(asAgent.client().get("/api/admin/users").status()).isEqualTo(403);
  }

  @Test
  void aDisabledAccountIsLockedOutEverywhereUntilEnabledAgain(Desk desk, ConciergeServer server) {
    Session admin = desk.newAdmin();
    Session agent = desk.newAgent();
    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "online")).status())
        .isEqualTo(200);
    SocketClient socket = SocketClient.signedIn(server, agent);

    Reply disabled = change(admin, agent.id(), Json.of("disabled", true));
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("disabled")).isTrue();
    assertThat(disabled.json().getString("status")).isEqualTo("offline");

    Reply refused = agent.client().get("/api/auth/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(agent.client().get("/api/chat/agent/unassigned").status()).isEqualTo(401);
    assertThat(socket.awaitClose()).isEqualTo(4401);
    try (SocketClient again = SocketClient.connect(server.webSocketUri())) {
      again.send(Json.of("type", "auth", "token", agent.token()));
      assertThat(again.awaitClose()).isEqualTo(4401);
    }

    Reply login =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", agent.email(), "password", Desk.STAFF_PASSWORD));
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.contentType()).startsWith("application/problem+json");
    assertThat(login.json().getString("detail")).contains("disabled");
    Reply wrongPassword =
        desk.anonymous()
            .post("/api/auth/login", Json.of("email", agent.email(), "password", "not-it-at-all"));
    assertThat(wrongPassword.status()).isEqualTo(401);

    assertThat(agentIds(admin)).doesNotContain(agent.id());
    Session traveler = desk.newTraveler();
    String room =
        traveler.client().post("/api/chat/start", Json.of("message", "Hi")).json().getString("id");
    assertThat(admin.client().post("/api/chat/" + room + "/accept").status()).isEqualTo(200);
    Reply transfer =
        admin.client().post("/api/chat/" + room + "/transfer", Json.of("agentId", agent.id()));
    assertThat(transfer.status()).isEqualTo(400);

    Reply enabled = change(admin, agent.id(), Json.of("disabled", false));
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().getBoolean("disabled")).isFalse();
    assertThat(agent.client().get("/api/auth/me").status()).isEqualTo(200);
    assertThat(desk.login(agent.email(), Desk.STAFF_PASSWORD).id()).isEqualTo(agent.id());
    assertThat(agentIds(admin)).contains(agent.id());
  }

  @Test
  void travelersCanBeDisabledButNotMadeStaff(Desk desk) {
    Session admin = desk.newAdmin();
    Session traveler = desk.newTraveler();

    Reply promoted = change(admin, traveler.id(), Json.of("role", "agent"));
    assertThat(promoted.status()).isEqualTo(409);

    assertThat(change(admin, traveler.id(), Json.of("disabled", true)).status()).isEqualTo(200);
    assertThat(traveler.client().get("/api/chat/history").status()).isEqualTo(401);
    assertThat(change(admin, traveler.id(), Json.of("disabled", false)).status()).isEqualTo(200);
    assertThat(traveler.client().get("/api/chat/history").status()).isEqualTo(200);
  }

  @Test
  void onlyAdminsMayChangeAccounts(Desk desk) {
    Session agent = desk.newAgent();
    Session other = desk.newAgent();
    JsonObject body = Json.of("disabled", true);

    assertThat(change(agent, other.id(), body).status()).isEqualTo(403);
    assertThat(change(desk.newTraveler(), other.id(), body).status()).isEqualTo(403);
    Reply anonymous = desk.anonymous().put("/api/admin/users/" + other.id(), body);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(other.client().get("/api/auth/me").status()).isEqualTo(200);
  }

  @Test
  void refusesInvalidChangesAndUnknownUsers(Desk desk) {
    Session admin = desk.newAdmin();
    Session agent = desk.newAgent();

    Reply empty = change(admin, agent.id(), Json.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(fields(empty)).containsExactly("body");

    Reply traveler = change(admin, agent.id(), Json.of("role", "user"));
    assertThat(traveler.status()).isEqualTo(400);
    assertThat(fields(traveler)).containsExactly("role");

    Reply noBody = admin.client().raw("PUT", "/api/admin/users/" + agent.id(), null, "");
    assertThat(noBody.status()).isIn(400, 415);

    Reply unknown = change(admin, "5f0000000000000000000000", Json.of("disabled", true));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAdminMayNeitherDemoteNorDisableThemselves(Desk desk) {
    Session admin = desk.newAdmin();

    Reply demote = change(admin, admin.id(), Json.of("role", "agent"));
    assertThat(demote.status()).isEqualTo(403);
    assertThat(demote.json().getString("detail")).contains("your own admin role");
    Reply disable = change(admin, admin.id(), Json.of("disabled", true));
    assertThat(disable.status()).isEqualTo(403);
    assertThat(disable.json().getString("detail")).contains("your own account");

    Reply unchanged = change(admin, admin.id(), Json.of("role", "admin", "disabled", false));
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(admin.client().get("/api/admin/users").status()).isEqualTo(200);
  }

  /**
   * Leaves two enabled admins, then has each disable the other at the same moment, again and again:
   * one may win, never both. Every admin disabled here is enabled again at the end.
   */
  @Test
  void theDeskAlwaysKeepsAnEnabledAdmin(Desk desk) {
    Session ann = desk.newAdmin();
    Session bob = desk.newAdmin();
    List<String> others = enabledAdmins(ann);
    others.remove(ann.id());
    others.remove(bob.id());
    try {
      for (String id : others) {
        assertThat(change(ann, id, Json.of("disabled", true)).status()).isEqualTo(200);
      }
      for (int round = 0; round < 5; round++) {
        CompletableFuture<Reply> annDisablesBob =
            CompletableFuture.supplyAsync(() -> change(ann, bob.id(), Json.of("disabled", true)));
        CompletableFuture<Reply> bobDisablesAnn =
            CompletableFuture.supplyAsync(() -> change(bob, ann.id(), Json.of("disabled", true)));
        boolean annWon = annDisablesBob.join().status() == 200;
        boolean bobWon = bobDisablesAnn.join().status() == 200;
        assertThat(annWon && bobWon).as("both admins disabled each other").isFalse();
        if (annWon) {
          assertThat(change(ann, bob.id(), Json.of("disabled", false)).status()).isEqualTo(200);
        } else if (bobWon) {
          assertThat(change(bob, ann.id(), Json.of("disabled", false)).status()).isEqualTo(200);
        }
        assertThat(enabledAdmins(ann)).contains(ann.id(), bob.id());
      }

      Reply last = change(ann, bob.id(), Json.of("disabled", true));
      assertThat(last.status()).isEqualTo(200);
      Reply lastAdmin = change(ann, ann.id(), Json.of("role", "agent"));
      assertThat(lastAdmin.status()).isEqualTo(409);
      assertThat(lastAdmin.json().getString("detail")).contains("at least one enabled admin");
      assertThat(change(ann, bob.id(), Json.of("disabled", false)).status()).isEqualTo(200);
    } finally {
      for (String id : others) {
        change(ann, id, Json.of("disabled", false));
      }
    }
    assertThat(enabledAdmins(ann)).containsAll(others);
  }

  @Test
  void theAdditionsAreDocumentedInOpenApi(Desk desk) {
    JsonObject openapi = desk.anonymous().get("/openapi?format=JSON").json();
    JsonObject change =
        openapi.getJsonObject("paths").getJsonObject("/api/admin/users/{id}").getJsonObject("put");
    assertThat(change.getJsonObject("responses").keySet())
        .contains("200", "400", "401", "403", "404", "409");
    JsonObject login =
        openapi.getJsonObject("paths").getJsonObject("/api/auth/login").getJsonObject("post");
    assertThat(login.getJsonObject("responses").keySet()).contains("401", "403");
    JsonObject user =
        openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject("UserView");
    assertThat(user.getJsonObject("properties").getJsonObject("disabled").getString("type"))
        .isEqualTo("boolean");
  }

  private static Reply change(Session admin, String userId, JsonObject body) {
    return admin.client().put("/api/admin/users/" + userId, body);
  }

  private static List<String> enabledAdmins(Session admin) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          admin
              .client()
              .get(
                  "/api/admin/users?role=admin&limit=100"
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.items().stream()
          .map(item -> item.asJsonObject())
          .filter(user -> !user.getBoolean("disabled"))
          .forEach(user -> ids.add(user.getString("id")));
      cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
    } while (cursor != null);
    return ids;
  }

  private static List<String> agentIds(Session who) {
    return who.client().get("/api/agents").items().stream()
        .map(item -> item.asJsonObject().getString("id"))
        .toList();
  }

  private static List<String> fields(Reply reply) {
    return reply.json().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }
}
