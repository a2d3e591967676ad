package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.SmsStaff.newPhone;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioWebhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Twilio tells the desk: replies that stop and restart texts to a number, and delivery
 * reports; only calls that carry Twilio's signature count.
 */
@ExtendWith(ServerExtension.class)
class TwilioWebhooksIT {

  private static final String INBOUND = "/api/twilio/inbound";
  private static final String STATUS = "/api/twilio/status";

  @Test
  void aStopReplyStopsLaterTextsAndStartAllowsThemAgain(
      Desk desk, TwilioStandIn twilio, ConciergeServer server) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");
    TwilioWebhooks webhooks = new TwilioWebhooks(server);

    Reply stopped = webhooks.signed(INBOUND, reply(phone, "  stop "));

    assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
    assertThat(stopped.contentType()).startsWith("text/xml");
    assertThat(stopped.body()).contains("<Response/>");
    String whileStopped = urgentChatAcceptedBy(desk, agent);
    JsonObject skipped = awaitCritical(desk, whileStopped, "skipped");
    assertThat(skipped.getString("lastError")).contains("replied stop").contains("START");
    assertThat(twilio.to(phone)).isEmpty();

    Reply started = webhooks.signed(INBOUND, reply(phone, "Start"));

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String afterStart = urgentChatAcceptedBy(desk, agent);
    twilio.await(phone, m -> m.body().contains(afterStart));
    assertThat(twilio.to(phone)).hasSize(1);
  }

  @Test
  void aReplyWithoutTwiliosSignatureChangesNothing(
      Desk desk, TwilioStandIn twilio, ConciergeServer server) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");
    TwilioWebhooks webhooks = new TwilioWebhooks(server);
    Map<String, String> stop = reply(phone, "STOP");

    Reply unsigned = webhooks.post(INBOUND, stop, null);
    Reply forged = webhooks.post(INBOUND, stop, webhooks.signature(INBOUND, stop, "not-the-token"));
    Reply otherForm =
        webhooks.post(
            INBOUND,
            reply(phone, "STOP"),
            webhooks.signature(INBOUND, reply(phone, "HELLO"), TwilioStandIn.AUTH_TOKEN));

    for (Reply refused : List.of(unsigned, forged, otherForm)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().getString("detail")).contains("X-Twilio-Signature");
    }
    String room = urgentChatAcceptedBy(desk, agent);
    twilio.await(phone, m -> m.body().contains(room));
  }

  @Test
  void aWordOtherThanStopChangesNothing(Desk desk, TwilioStandIn twilio, ConciergeServer server) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");

    Reply answered = new TwilioWebhooks(server).signed(INBOUND, reply(phone, "stop it please"));

    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    String room = urgentChatAcceptedBy(desk, agent);
    twilio.await(phone, m -> m.body().contains(room));
  }

  @Test
  void deliveryReportsMarkTheTextDeliveredOrUndeliveredAndNeverBack(
      Desk desk, TwilioStandIn twilio, ConciergeServer server) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");
    TwilioWebhooks webhooks = new TwilioWebhooks(server);
    String delivered = urgentChatAcceptedBy(desk, agent);
    String sid = awaitCritical(desk, delivered, "sent").getString("reference");
    assertThat(twilio.to(phone)).extracting(TwilioStandIn.Received::sid).contains(sid);

    Reply report = webhooks.signed(STATUS, status(sid, "delivered", null));

    assertThat(report.status()).as(report.toString()).isEqualTo(204);
    assertThat(critical(desk, delivered).getString("state")).isEqualTo("delivered");
    webhooks.signed(STATUS, status(sid, "sent", null));
    webhooks.signed(STATUS, status(sid, "undelivered", "30003"));
    assertThat(critical(desk, delivered).getString("state")).isEqualTo("delivered");

    String lost = urgentChatAcceptedBy(desk, agent);
    String lostSid = awaitCritical(desk, lost, "sent").getString("reference");
    Reply forged =
        webhooks.post(
            STATUS,
            status(lostSid, "undelivered", "30003"),
            webhooks.signature(STATUS, status(lostSid, "undelivered", "30003"), "not-the-token"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
    assertThat(critical(desk, lost).getString("state")).isEqualTo("sent");

    webhooks.signed(STATUS, status(lostSid, "undelivered", "30003"));

    JsonObject undelivered = critical(desk, lost);
    assertThat(undelivered.getString("state")).isEqualTo("undelivered");
    assertThat(undelivered.getString("lastError")).contains("30003");
  }

  @Test
  void aReportThatArrivesBeforeTheSendIsRecordedStillCounts(Desk desk, TwilioStandIn twilio) {
    String phone = newPhone();
    Session agent = SmsStaff.agent(desk, phone, "away");
    twilio.reportBeforeAnswering(phone, "delivered", null);

    String room = urgentChatAcceptedBy(desk, agent);

    JsonObject delivered = awaitCritical(desk, room, "delivered");
    assertThat(delivered.getString("reference")).isEqualTo(twilio.to(phone).get(0).sid());
  }

  @Test
  void bothWebhooksAreInTheOpenApiDocument(Desk desk) {
    Reply openapi = desk.anonymous().get("/openapi?format=JSON");

    JsonObject paths = openapi.json().getJsonObject("paths");
    for (String path : List.of(INBOUND, STATUS)) {
      assertThat(paths.getJsonObject(path)).as(path).containsKey("post");
      assertThat(paths.getJsonObject(path).getJsonObject("post").getJsonObject("responses"))
          .containsKey("403");
    }
  }

  /**
   * A traveler's urgent chat, accepted by {@code agent}, which texts them; its id. It stays open: a
   * text that calls an agent to a closed chat is not sent.
   */
  private static String urgentChatAcceptedBy(Desk desk, Session agent) {
    String room = desk.newTraveler().startChat("subject", "Overbooked", "priority", "urgent");
    agent.accept(room);
    return room;
  }

  private static JsonObject critical(Desk desk, String room) {
    return Outboxes.ofRoom(desk, room).stream()
        .filter(e -> e.getString("kind").equals("CRITICAL_ASSIGNMENT"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonObject awaitCritical(Desk desk, String room, String state) {
    Outboxes.await(
        () -> critical(desk, room).getString("state").equals(state),
        "the text about " + room + " to be " + state);
    return critical(desk, room);
  }

  private static Map<String, String> reply(String from, String body) {
    return Map.of(
        "From",
        from,
        "To",
        TwilioStandIn.FROM,
        "Body",
        body,
        "MessageSid",
        "SM" + Long.toHexString(System.nanoTime()),
        "AccountSid",
        TwilioStandIn.ACCOUNT_SID);
  }

  private static Map<String, String> status(String sid, String status, String errorCode) {
    return errorCode == null
        ? Map.of(
            "MessageSid", sid, "MessageStatus", status, "AccountSid", TwilioStandIn.ACCOUNT_SID)
        : Map.of(
            "MessageSid",
            sid,
            "MessageStatus",
            status,
            "ErrorCode",
            errorCode,
            "AccountSid",
            TwilioStandIn.ACCOUNT_SID);
  }
}
