package org.concierge.notify.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concierge.notify.Outboxes;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents whose dashboard is closed hear of urgent chats and of their travelers' messages through
 * their browsers' push service, here one played on this machine: each push is checked as a push
 * service checks it (its VAPID token) and read as the browser reads it (decrypted).
 */
@ExtendWith(ServerExtension.class)
class PushNotificationsIT {

  private static LocalPushService pushService;

  @BeforeAll
  static void startPushService() {
    pushService = new LocalPushService();
  }

  /**
   * Agents this class put on duty; they go off duty at the end, so later tests' urgent chats are
   * not pushed to a push service that is gone.
   */
  private static final List<Session> ON_DUTY = new ArrayList<>();

  @AfterAll
  static void stopPushService() {
    for (Session agent : ON_DUTY) {
      agent.client().put("/api/agents/me/status", Json.of("status", "offline"));
    }
    pushService.close();
  }

  @Test
  void anUrgentChatIsPushedToAnAgentOnDutyEncryptedAndSignedWithTheServersKey(
      ConciergeServer server, Desk desk) throws Exception {
    Session agent = onDuty(desk.newAgent());
    PushBrowser browser = new PushBrowser(pushService.newEndpoint());
    subscribe(agent, browser);
    String serverKey = agent.client().get("/api/push/key").json().getString("publicKey");

    Session traveler = desk.newTraveler();
    String room =
        traveler.startChat(
            "subject", "Missed connection", "priority", "urgent", "message", "Stuck in Frankfurt");

    LocalPushService.Received push = pushService.next(browser.endpoint);
    assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
    assertThat(push.header("Urgency")).isEqualTo("high");
    assertThat(Integer.parseInt(push.header("TTL"))).isPositive();
    assertThat(push.header("Crypto-Key")).as("a header of the drafts before RFC 8291").isNull();

    VapidToken token = VapidToken.parse(push.header("Authorization"));
    assertThat(token.key()).isEqualTo(serverKey);
    assertThat(token.signatureValid()).isTrue();
    assertThat(token.header().getString("alg")).isEqualTo("ES256");
    assertThat(token.claims().getString("aud")).isEqualTo(pushService.origin());
    assertThat(token.claims().getString("sub")).isEqualTo(ConciergeServer.VAPID_SUBJECT);
    long expires = token.claims().getJsonNumber("exp").longValue();
    assertThat(Instant.ofEpochSecond(expires))
        .isAfter(Instant.now())
        .isBefore(Instant.now().plus(Duration.ofHours(24)));

    JsonObject payload = browser.read(push.body());
    assertThat(payload.getString("title")).isEqualTo("Urgent chat: Missed connection");
    assertThat(payload.getString("body"))
        .isEqualTo(traveler.name() + " is waiting: Stuck in Frankfurt");
    assertThat(payload.getString("url")).isEqualTo(server.baseUri() + "/desk/?chat=" + room);
    assertThat(payload.getString("tag")).isEqualTo("chat-" + room);
  }

  @Test
  void anAgentWhoIsOfflineOrTurnedPushOffGetsNoUrgentPush(Desk desk) {
    Session onDuty = onDuty(desk.newAgent());
    PushBrowser onDutyBrowser = new PushBrowser(pushService.newEndpoint());
    String onDutySubscription = subscribe(onDuty, onDutyBrowser);
    Session offline = desk.newAgent();
    String offlineSubscription = subscribe(offline, new PushBrowser(pushService.newEndpoint()));
    Session quiet = onDuty(desk.newAgent());
    String quietSubscription = subscribe(quiet, new PushBrowser(pushService.newEndpoint()));
    Reply off =
        quiet
            .client()
            .put("/api/me/notifications", Json.of("email", true, "sms", true, "push", false));
    assertThat(off.json().getBoolean("push")).isFalse();
    Reply kept = quiet.client().put("/api/me/notifications", Json.of("email", false, "sms", true));
    assertThat(kept.json()).isEqualTo(Json.of("email", false, "sms", true, "push", false));

    desk.newTraveler().startChat("subject", "Flight cancelled", "priority", "urgent");

    pushService.next(onDutyBrowser.endpoint);
    // The pushes of one urgent chat are written together, so the others' would be there by now.
    assertThat(Outboxes.entries(desk, onDutySubscription)).hasSize(1);
    assertThat(Outboxes.entries(desk, offlineSubscription)).isEmpty();
    assertThat(Outboxes.entries(desk, quietSubscription)).isEmpty();
  }

  @Test
  void aTravelersMessageIsPushedOncePerUnreadStretchToAnAgentWithoutADashboard(
      ConciergeServer server, Desk desk) throws Exception {
    Session agent = desk.newAgent();
    PushBrowser browser = new PushBrowser(pushService.newEndpoint());
    String subscription = subscribe(agent, browser);
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Visa");
    agent.accept(room);

    traveler.say(room, "Do I need a \"visa\" for <Brazil>?\n\nThanks   a lot");
    traveler.say(room, "Also for Peru?");

    LocalPushService.Received push = pushService.next(browser.endpoint);
    assertThat(push.header("Urgency")).isEqualTo("normal");
    JsonObject payload = browser.read(push.body());
    assertThat(payload.getString("title")).isEqualTo(traveler.name() + " wrote: Visa");
    assertThat(payload.getString("body"))
        .isEqualTo("Do I need a \"visa\" for <Brazil>? Thanks a lot");
    assertThat(payload.getString("url")).isEqualTo(server.baseUri() + "/desk/?chat=" + room);
    assertThat(payload.getString("tag")).isEqualTo("chat-" + room);
    assertThat(VapidToken.parse(push.header("Authorization")).signatureValid()).isTrue();
    // Both messages were stored, and their listeners ran, before the traveler was answered.
    assertThat(Outboxes.entries(desk, subscription)).hasSize(1);
  }

  @Test
  void anAgentWithAnOpenDashboardGetsNoPushOfMessages(ConciergeServer server, Desk desk) {
    Session agent = desk.newAgent();
    String subscription = subscribe(agent, new PushBrowser(pushService.newEndpoint()));
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("subject", "Seat");
    agent.accept(room);

    try (SocketClient dashboard = SocketClient.signedIn(server, agent)) {
      traveler.say(room, "Window seat please");
      assertThat(Outboxes.entries(desk, subscription)).isEmpty();
    }
  }

  @Test
  void aSubscriptionThePushServiceNoLongerKnowsIsRemoved(Desk desk) {
    Session agent = onDuty(desk.newAgent());
    PushBrowser browser = new PushBrowser(pushService.newEndpoint());
    String subscription = subscribe(agent, browser);
    pushService.answerNext(browser.endpoint, 410);

    desk.newTraveler().startChat("subject", "Hotel overbooked", "priority", "urgent");

    assertThat(pushService.next(browser.endpoint).answeredWith()).isEqualTo(410);
    List<JsonObject> entries =
        Outboxes.awaitEntries(
            desk, subscription, found -> found.size() == 1 && state(found).equals("dead"));
    assertThat(entries.get(0).getString("lastError")).contains("410");
    assertThat(agent.client().get("/api/me/push-subscriptions").items()).isEmpty();
  }

  @Test
  void aBusyPushServiceIsTriedAgain(Desk desk) throws Exception {
    Session agent = onDuty(desk.newAgent());
    PushBrowser browser = new PushBrowser(pushService.newEndpoint());
    String subscription = subscribe(agent, browser);
    pushService.answerNext(browser.endpoint, 503, 429);

    desk.newTraveler().startChat("subject", "Lost passport", "priority", "urgent");

    assertThat(pushService.next(browser.endpoint).answeredWith()).isEqualTo(503);
    assertThat(pushService.next(browser.endpoint).answeredWith()).isEqualTo(429);
    LocalPushService.Received accepted = pushService.next(browser.endpoint);
    assertThat(accepted.answeredWith()).isEqualTo(201);
    assertThat(browser.read(accepted.body()).getString("title"))
        .isEqualTo("Urgent chat: Lost passport");
    List<JsonObject> entries =
        Outboxes.awaitEntries(
            desk, subscription, found -> found.size() == 1 && state(found).equals("sent"));
    assertThat(entries.get(0).getInt("attempts")).isEqualTo(3);
  }

  @Test
  void subscribingAgainUpdatesAndUnsubscribingRemoves(Desk desk) {
    Session agent = desk.newAgent();
    String endpoint = pushService.newEndpoint();
    Reply first =
        agent.client().post("/api/me/push-subscriptions", new PushBrowser(endpoint).subscription());
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Reply again =
        agent.client().post("/api/me/push-subscriptions", new PushBrowser(endpoint).subscription());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(agent.client().get("/api/me/push-subscriptions").items()).hasSize(1);

    Reply gone =
        agent
            .client()
            .raw(
                "DELETE",
                "/api/me/push-subscriptions?endpoint="
                    + URLEncoder.encode(endpoint, StandardCharsets.UTF_8),
                null,
                "");
    assertThat(gone.status()).as(gone.toString()).isEqualTo(204);
    assertThat(agent.client().get("/api/me/push-subscriptions").items()).isEmpty();
  }

  @Test
  void aPersonKeepsTheirTenMostRecentBrowsers(Desk desk) {
    Session agent = desk.newAgent();
    List<String> endpoints = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      PushBrowser browser = new PushBrowser(pushService.newEndpoint());
      endpoints.add(browser.endpoint);
      subscribe(agent, browser);
    }
    List<String> kept =
        agent
            .client()
            .get("/api/me/push-subscriptions")
            .items()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(s -> s.getString("endpoint"))
            .toList();
    assertThat(kept).hasSize(10).doesNotContain(endpoints.get(0)).contains(endpoints.get(10));
  }

  @Test
  void travelersAndStrangersMayNotSubscribe(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject subscription = new PushBrowser(pushService.newEndpoint()).subscription();
    assertThat(traveler.client().post("/api/me/push-subscriptions", subscription).status())
        .isEqualTo(403);
    assertThat(traveler.client().get("/api/push/key").status()).isEqualTo(403);
    assertThat(desk.anonymous().post("/api/me/push-subscriptions", subscription).status())
        .isEqualTo(401);
    assertThat(desk.anonymous().get("/api/push/key").status()).isEqualTo(401);
  }

  @Test
  void refusesSubscriptionsThatCannotBeUsedWithProblems(Desk desk) {
    Session agent = desk.newAgent();
    JsonObject good = new PushBrowser(pushService.newEndpoint()).subscription();
    JsonObject keys = good.getJsonObject("keys");

    Reply plainHttp =
        agent
            .client()
            .post(
                "/api/me/push-subscriptions",
                Json.of("endpoint", "http://push.example/send/abc", "keys", keys));
    assertProblem(plainHttp, "endpoint");

    Reply shortKey =
        agent
            .client()
            .post(
                "/api/me/push-subscriptions",
                Json.of(
                    "endpoint",
                    "https://push.example/send/abc",
                    "keys",
                    Json.of("p256dh", "BAAA", "auth", keys.getString("auth"))));
    assertProblem(shortKey, "keys.p256dh");

    Reply longAuth =
        agent
            .client()
            .post(
                "/api/me/push-subscriptions",
                Json.of(
                    "endpoint",
                    "https://push.example/send/abc",
                    "keys",
                    Json.of(
                        "p256dh",
                        keys.getString("p256dh"),
                        "auth",
                        PushBrowser.base64url(new byte[32]))));
    assertProblem(longAuth, "keys.auth");

    Reply noKeys =
        agent
            .client()
            .post("/api/me/push-subscriptions", Json.of("endpoint", "https://push.example/x"));
    assertProblem(noKeys, "keys");

    Reply notJson =
        agent.client().raw("POST", "/api/me/push-subscriptions", "application/json", "{endpoint");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");

    assertThat(agent.client().get("/api/me/push-subscriptions").items()).isEmpty();
  }

  @Test
  void documentsTheAdditionsInOpenApi(Desk desk) {
    JsonObject paths = desk.anonymous().get("/openapi?format=JSON").json().getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/push/key")).containsKey("get");
    assertThat(paths.getJsonObject("/api/me/push-subscriptions"))
        .containsKeys("get", "post", "delete");
  }

  private static void assertProblem(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(error -> error.getString("field"))
        .contains(field);
  }

  /** Subscribes the browser for this person; the subscription's id, the address of its pushes. */
  private static String subscribe(Session staff, PushBrowser browser) {
    Reply subscribed = staff.client().post("/api/me/push-subscriptions", browser.subscription());
    assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
    return subscribed.json().getString("id");
  }

  private static Session onDuty(Session agent) {
    Reply online = agent.client().put("/api/agents/me/status", Json.of("status", "online"));
    assertThat(online.status()).as(online.toString()).isEqualTo(200);
    ON_DUTY.add(agent);
    return agent;
  }

  private static String state(List<JsonObject> entries) {
    return entries.get(0).getString("state");
  }
}
