package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.concierge.testing.Client;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class IdentityIT {

  @Test
  void registersATravelerAndSignsThemIn(Desk desk) {
    String email = Desk.uniqueEmail("ann");
    Reply registered =
        desk.anonymous()
            .post(
                "/api/auth/register",
                Json.of(
                    "email",
                    email.toUpperCase(),
                    "password",
                    "long-enough",
                    "name",
                    "  Ann  ",
                    "phone",
                    "+41 44 123 45 67"));

    assertThat(registered.status()).isEqualTo(201);
    JsonObject user = registered.json().getJsonObject("user");
    assertThat(user.getString("email")).isEqualTo(email);
    assertThat(user.getString("name")).isEqualTo("Ann");
    assertThat(user.getString("role")).isEqualTo("user");
    assertThat(user.getString("phone")).isEqualTo("+41 44 123 45 67");
    assertThat(registered.body()).doesNotContain("long-enough").doesNotContainIgnoringCase("hash");

    Session session = desk.login(email, "long-enough");
    assertThat(session.id()).isEqualTo(user.getString("id"));
    Reply me = session.client().get("/api/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("email")).isEqualTo(email);
  }

  @Test
  void tokensCarryTheClaimsOfTheContract(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject claims = claims(traveler.token());
    assertThat(claims.getString("iss")).isNotBlank();
    assertThat(claims.getString("sub")).isEqualTo(traveler.id());
    assertThat(claims.getString("upn")).isEqualTo(traveler.user().getString("email"));
    assertThat(claims.getJsonArray("groups")).hasSize(1);
    assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("user");
    long lifetime =
        claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
    assertThat(lifetime).isEqualTo(28_800);
  }

  @Test
  void refusesATakenEmailWhateverItsCase(Desk desk) {
    Session first = desk.newTraveler();
    Reply again =
        desk.anonymous()
            .post(
                "/api/auth/register",
                Json.of(
                    "email",
                    first.user().getString("email").toUpperCase(),
                    "password",
                    "long-enough",
                    "name",
                    "Copy"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  @Test
  void namesEveryInvalidField(Desk desk) {
    Reply reply =
        desk.anonymous()
            .post("/api/auth/register", Json.of("email", "not-an-email", "password", "short"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(
            problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")))
        .containsExactlyInAnyOrder("email", "password", "name");
  }

  @Test
  void answersMalformedBodiesWithAProblem(Desk desk) {
    Reply broken =
        desk.anonymous().raw("POST", "/api/auth/register", "application/json", "{\"email\":");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.contentType()).startsWith("application/problem+json");
    assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at org.");

    Reply wrongType = desk.anonymous().raw("POST", "/api/auth/register", "text/plain", "hello");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.contentType()).startsWith("application/problem+json");
  }

  @Test
  void givesTheSameAnswerForAnUnknownEmailAndAWrongPassword(Desk desk) {
    Session traveler = desk.newTraveler();
    Reply wrongPassword =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", traveler.user().getString("email"), "password", "wrong-password"));
    Reply unknown =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", Desk.uniqueEmail("nobody"), "password", "wrong-password"));
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrongPassword.body());
  }

  @Test
  void throttlesLoginAfterFiveFailuresForOneEmail(Desk desk) {
    Session traveler = desk.newTraveler();
    String email = traveler.user().getString("email");
    for (int i = 0; i < 5; i++) {
      Reply failed =
          desk.anonymous()
              .post("/api/auth/login", Json.of("email", email, "password", "wrong-" + i));
      assertThat(failed.status()).isEqualTo(401);
    }
    Reply refused =
        desk.anonymous()
            .post("/api/auth/login", Json.of("email", email, "password", "traveler-pass"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    Reply otherAccount =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", Desk.uniqueEmail("x"), "password", "whatever1"));
    assertThat(otherAccount.status()).isEqualTo(401);
  }

  @Test
  void throttlesLoginAfterFiftyFailuresFromOneAddress(Desk desk) {
    Client attacker = desk.anonymous();
    for (int i = 0; i < 50; i++) {
      Reply failed =
          attacker.post(
              "/api/auth/login",
              Json.of("email", Desk.uniqueEmail("guess"), "password", "wrong-pass"));
      assertThat(failed.status()).isEqualTo(401);
    }
    Session traveler = desk.newTraveler();
    Reply refused =
        attacker.post(
            "/api/auth/login",
            Json.of("email", traveler.user().getString("email"), "password", "traveler-pass"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();

    Reply elsewhere =
        desk.anonymous()
            .post(
                "/api/auth/login",
                Json.of("email", traveler.user().getString("email"), "password", "traveler-pass"));
    assertThat(elsewhere.status()).isEqualTo(200);
  }

  @Test
  void limitsSignUpsFromOneAddress(Desk desk) {
    Client script = desk.anonymous();
    int accepted = 0;
    Reply last = null;
    for (int i = 0; i < 601; i++) {
      // Registrations and visitor sessions share the allowance; a few registrations suffice,
      // since each costs a deliberately slow password hash.
      last =
          i % 100 != 0
              ? script.post("/api/auth/visitor", Json.of())
              : script.post(
                  "/api/auth/register",
                  Json.of(
                      "email",
                      Desk.uniqueEmail("bulk"),
                      "password",
                      "bulk-password",
                      "name",
                      "Bulk"));
      if (last.status() != 201) {
        break;
      }
      accepted++;
    }
    assertThat(accepted).isEqualTo(600);
    assertThat(last.status()).isEqualTo(429);
    assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 3600L);
    Reply registration =
        script.post(
            "/api/auth/register",
            Json.of(
                "email", Desk.uniqueEmail("late"), "password", "late-password", "name", "Late"));
    assertThat(registration.status()).isEqualTo(429);
    assertThat(desk.anonymous().post("/api/auth/visitor", Json.of()).status()).isEqualTo(201);
  }

  @Test
  void startsVisitorSessions(Desk desk) {
    Reply named =
        desk.anonymous()
            .post("/api/auth/visitor", Json.of("name", "Sam", "email", "sam@it.example"));
    Reply again = desk.anonymous().post("/api/auth/visitor", Json.of("email", "sam@it.example"));
    Reply anonymous = desk.anonymous().post("/api/auth/visitor", Json.of());

    assertThat(named.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(anonymous.status()).isEqualTo(201);
    JsonObject user = named.json().getJsonObject("user");
    assertThat(user.getString("role")).isEqualTo("user");
    assertThat(user.getString("name")).isEqualTo("Sam");
    assertThat(claims(named.json().getString("token")).getString("upn"))
        .isEqualTo("visitor:" + user.getString("id"));
    Reply me = desk.anonymous().withToken(anonymous.json().getString("token")).get("/api/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("role")).isEqualTo("user");
  }

  @Test
  void refusesRequestsWithoutAValidToken(Desk desk) {
    Reply none = desk.anonymous().get("/api/auth/me");
    Reply garbage = desk.anonymous().withToken("not.a.token").get("/api/auth/me");
    String forged = forgedToken(desk.newTraveler().token());
    Reply tampered = desk.anonymous().withToken(forged).get("/api/auth/me");
    for (Reply reply : new Reply[] {none, garbage, tampered}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void letsAdminsCreateAndListStaff(Desk desk) {
    Session admin = desk.admin();
    String email = Desk.uniqueEmail("agent");
    Reply created =
        admin
            .client()
            .post(
                "/api/admin/users",
                Json.of(
                    "email",
                    email,
                    "password",
                    "agent-password",
                    "name",
                    "Mia",
                    "role",
                    "agent",
                    "departments",
                    java.util.List.of("flights", "hotels")));
    assertThat(created.status()).isEqualTo(201);
    JsonObject agent = created.json();
    assertThat(agent.getString("role")).isEqualTo("agent");
    assertThat(agent.getString("status")).isEqualTo("offline");
    assertThat(agent.getJsonArray("departments").getString(1)).isEqualTo("hotels");

    Reply admins =
        admin
            .client()
            .post(
                "/api/admin/users",
                Json.of(
                    "email",
                    Desk.uniqueEmail("boss"),
                    "password",
                    "admin-password",
                    "name",
                    "Boss",
                    "role",
                    "admin"));
    assertThat(admins.status()).isEqualTo(201);
    Reply traveler =
        admin
            .client()
            .post(
                "/api/admin/users",
                Json.of(
                    "email",
                    Desk.uniqueEmail("t"),
                    "password",
                    "admin-password",
                    "name",
                    "T",
                    "role",
                    "user"));
    assertThat(traveler.status()).isEqualTo(400);

    Reply agents = admin.client().get("/api/admin/users?role=agent&limit=500");
    assertThat(agents.status()).isEqualTo(200);
    assertThat(agents.items().stream().map(u -> u.asJsonObject().getString("role")))
        .containsOnly("agent");
    assertThat(agents.items().stream().map(u -> u.asJsonObject().getString("email")))
        .contains(email);
  }

  @Test
  void pagesTheUserList(Desk desk) {
    Session admin = desk.admin();
    desk.newAgent();
    desk.newAgent();
    Reply first = admin.client().get("/api/admin/users?limit=1");
    assertThat(first.items()).hasSize(1);
    String cursor = first.json().getString("nextCursor");
    Reply second = admin.client().get("/api/admin/users?limit=1&cursor=" + cursor);
    assertThat(second.items()).hasSize(1);
    assertThat(second.items().getJsonObject(0).getString("id"))
        .isNotEqualTo(first.items().getJsonObject(0).getString("id"));
    Reply bad = admin.client().get("/api/admin/users?limit=zero");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("limit");
  }

  @Test
  void keepsStaffManagementToAdmins(Desk desk) {
    Session agent = desk.newAgent();
    Session traveler = desk.newTraveler();
    var body =
        Json.of(
            "email", Desk.uniqueEmail("x"), "password", "password-1", "name", "X", "role", "agent");
    assertThat(agent.client().post("/api/admin/users", body).status()).isEqualTo(403);
    assertThat(traveler.client().post("/api/admin/users", body).status()).isEqualTo(403);
    assertThat(desk.anonymous().post("/api/admin/users", body).status()).isEqualTo(401);
    assertThat(agent.client().get("/api/admin/users").status()).isEqualTo(403);
    assertThat(traveler.client().get("/api/admin/users").status()).isEqualTo(403);
    assertThat(desk.anonymous().get("/api/admin/users").status()).isEqualTo(401);
  }

  @Test
  void letsAgentsSetTheirStatusAndSeeEachOther(Desk desk) {
    Session agent = desk.newAgent();
    Reply away = agent.client().put("/api/agents/me/status", Json.of("status", "away"));
    assertThat(away.status()).isEqualTo(200);
    assertThat(away.json().getString("status")).isEqualTo("away");
    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "asleep")).status())
        .isEqualTo(400);

    Reply agents = desk.admin().client().get("/api/agents");
    assertThat(agents.status()).isEqualTo(200);
    JsonObject listed =
        agents.items().stream()
            .map(v -> v.asJsonObject())
            .filter(a -> a.getString("id").equals(agent.id()))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getString("status")).isEqualTo("away");
    assertThat(listed.getInt("activeChats")).isZero();

    Session traveler = desk.newTraveler();
    assertThat(traveler.client().put("/api/agents/me/status", Json.of("status", "online")).status())
        .isEqualTo(403);
    assertThat(traveler.client().get("/api/agents").status()).isEqualTo(403);
    assertThat(desk.anonymous().get("/api/agents").status()).isEqualTo(401);
  }

  static JsonObject claims(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject();
  }

  /** The token with its role changed to admin, keeping the original signature. */
  private static String forgedToken(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"user\"", "\"admin\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
