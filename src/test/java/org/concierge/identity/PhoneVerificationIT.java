package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Phones;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.TwilioStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People prove a phone number is theirs with a code texted to it, read at the Twilio stand-in as
 * their phone would show it.
 */
@ExtendWith(ServerExtension.class)
class PhoneVerificationIT {

  static final String SEND = "/api/me/phone/verification";
  static final String CONFIRM = "/api/me/phone/verification/confirm";
  private static final Pattern CODE_TEXT =
      Pattern.compile(
          "([0-9]{6}) is your "
              + ConciergeServer.COMPANY_NAME
              + " verification code\\. It expires in "
              + ConciergeServer.PHONE_CODE_SECONDS
              + " seconds\\. Do not share it with anyone\\.");

  @Test
  void aTravelerConfirmsTheCodeTextedToTheirNumber(Desk desk, TwilioStandIn twilio) {
    Session traveler = desk.newTraveler();
    String phone = Phones.unique();
    Instant asked = Instant.now();

    Reply sent = traveler.client().post(SEND, Json.of("phone", phone));

    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.json().getString("phone")).isEqualTo(phone);
    Instant expiresAt = Instant.parse(sent.json().getString("expiresAt"));
    assertThat(expiresAt)
        .isAfter(asked.plusSeconds(ConciergeServer.PHONE_CODE_SECONDS - 2))
        .isBefore(asked.plusSeconds(ConciergeServer.PHONE_CODE_SECONDS + 5));
    assertThat(Instant.parse(sent.json().getString("resendAfter"))).isAfter(asked);
    TwilioStandIn.Received text = twilio.awaitCount(phone, 1).get(0);
    assertThat(text.from()).isEqualTo(TwilioStandIn.FROM);
    assertThat(text.user()).isEqualTo(TwilioStandIn.ACCOUNT_SID);
    assertThat(text.password()).isEqualTo(TwilioStandIn.AUTH_TOKEN);

    Reply confirmed = traveler.client().post(CONFIRM, Json.of("code", codeIn(text)));

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getString("phone")).isEqualTo(phone);
    assertThat(confirmed.json().getBoolean("phoneVerified")).isTrue();
    JsonObject me = traveler.client().get("/api/auth/me").json();
    assertThat(me.getString("phone")).isEqualTo(phone);
    assertThat(me.getBoolean("phoneVerified")).isTrue();
    Reply again = traveler.client().post(CONFIRM, Json.of("code", codeIn(text)));
    assertThat(again.status()).as("a code works once").isEqualTo(409);
  }

  @Test
  void anAgentVerifiesTheirNumberTheSameWay(Desk desk, TwilioStandIn twilio) {
    Session agent = desk.newAgent();
    String phone = Phones.unique();

    assertThat(agent.client().post(SEND, Json.of("phone", phone)).status()).isEqualTo(202);
    String code = codeIn(twilio.awaitCount(phone, 1).get(0));
    Reply confirmed = agent.client().post(CONFIRM, Json.of("code", code));

    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getString("role")).isEqualTo("agent");
    assertThat(confirmed.json().getString("phone")).isEqualTo(phone);
    assertThat(confirmed.json().getBoolean("phoneVerified")).isTrue();
  }

  @Test
  void aNumberAnAdminSetsIsNotVerifiedUnlessItIsTheSame(Desk desk, TwilioStandIn twilio) {
    Session agent = desk.newAgent();
    String phone = Phones.unique();
    verify(agent, phone, twilio, 1);
    Session admin = desk.admin();
    String user = "/api/admin/users/" + agent.id();

    Reply same = admin.client().put(user, Json.of("phone", phone));
    Reply other = admin.client().put(user, Json.of("phone", Phones.unique()));

    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().getBoolean("phoneVerified")).isTrue();
    assertThat(other.status()).as(other.toString()).isEqualTo(200);
    assertThat(other.json().getBoolean("phoneVerified")).isFalse();
    assertThat(agent.client().get("/api/auth/me").json().getBoolean("phoneVerified")).isFalse();
  }

  @Test
  void wrongCodesCountAndTheLimitVoidsTheCode(Desk desk, TwilioStandIn twilio) {
    Session traveler = desk.newTraveler();
    String phone = Phones.unique();
    traveler.client().post(SEND, Json.of("phone", phone));
    String code = codeIn(twilio.awaitCount(phone, 1).get(0));
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

    for (int left = 4; left >= 0; left--) {
      Reply refused = traveler.client().post(CONFIRM, Json.of("code", wrong));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
      assertThat(error.getString("field")).isEqualTo("code");
      assertThat(error.getString("message"))
          .contains(left > 0 ? left + (left == 1 ? " try left" : " tries left") : "last try");
    }
    Reply rightTooLate = traveler.client().post(CONFIRM, Json.of("code", code));

    assertThat(rightTooLate.status()).as(rightTooLate.toString()).isEqualTo(409);
    assertThat(rightTooLate.json().getString("detail")).contains("void");
    assertThat(traveler.client().get("/api/auth/me").json().containsKey("phone")).isFalse();
  }

  @Test
  void anExpiredCodeIsRefused(Desk desk, TwilioStandIn twilio) {
    Session traveler = desk.newTraveler();
    String phone = Phones.unique();
    Reply sent = traveler.client().post(SEND, Json.of("phone", phone));
    Instant expiresAt = Instant.parse(sent.json().getString("expiresAt"));
    String code = codeIn(twilio.awaitCount(phone, 1).get(0));

    Awaitility.await("the code's expiry")
        .atMost(java.time.Duration.ofSeconds(ConciergeServer.PHONE_CODE_SECONDS + 30))
        .until(() -> Instant.now().isAfter(expiresAt.plusMillis(200)));
    Reply late = traveler.client().post(CONFIRM, Json.of("code", code));

    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    assertThat(late.json().getString("detail")).contains("expired");
    assertThat(traveler.client().get("/api/auth/me").json().containsKey("phone")).isFalse();
  }

  @Test
  void anotherCodeTooSoonIsRateLimited(Desk desk, TwilioStandIn twilio) {
    Session traveler = desk.newTraveler();
    String phone = Phones.unique();
    assertThat(traveler.client().post(SEND, Json.of("phone", phone)).status()).isEqualTo(202);

    Reply tooSoon = traveler.client().post(SEND, Json.of("phone", phone));
    Reply otherNumber = traveler.client().post(SEND, Json.of("phone", Phones.unique()));

    for (Reply refused : new Reply[] {tooSoon, otherNumber}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
    }
    String code = codeIn(twilio.awaitCount(phone, 1).get(0));
    assertThat(traveler.client().post(CONFIRM, Json.of("code", code)).status())
        .as("the first code still works")
        .isEqualTo(200);
    assertThat(twilio.to(phone)).hasSize(1);
  }

  @Test
  void oneNumberGetsAtMostFiveCodesAnHourWhoeverAsks(Desk desk, TwilioStandIn twilio) {
    String phone = Phones.unique();
    for (int i = 1; i <= 5; i++) {
      Reply sent = desk.newTraveler().client().post(SEND, Json.of("phone", phone));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    }

    Reply sixth = desk.newTraveler().client().post(SEND, Json.of("phone", phone));

    assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
    assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 3600);
    twilio.awaitCount(phone, 5);
    Reply elsewhere = desk.newTraveler().client().post(SEND, Json.of("phone", Phones.unique()));
    assertThat(elsewhere.status()).as("other numbers are not held up").isEqualTo(202);
  }

  @Test
  void aNumberSomeoneElseVerifiedAnswersLikeAnyOther(Desk desk, TwilioStandIn twilio) {
    Session first = desk.newTraveler();
    String phone = Phones.unique();
    verify(first, phone, twilio, 1);
    Session second = desk.newTraveler();
    Reply fresh = desk.newTraveler().client().post(SEND, Json.of("phone", Phones.unique()));

    Reply taken = second.client().post(SEND, Json.of("phone", phone));

    assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(202);
    assertThat(taken.json().keySet()).isEqualTo(fresh.json().keySet());
    String code = codeIn(twilio.awaitCount(phone, 2).get(1));
    Reply confirmed = second.client().post(CONFIRM, Json.of("code", code));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getBoolean("phoneVerified")).isTrue();
    JsonObject previousOwner = first.client().get("/api/auth/me").json();
    assertThat(previousOwner.getString("phone")).isEqualTo(phone);
    assertThat(previousOwner.getBoolean("phoneVerified"))
        .as("a number belongs to whoever proved it last")
        .isFalse();
  }

  @Test
  void refusesNumbersNotInE164CodesNotOfSixDigitsAndStrangers(Desk desk) {
    Session traveler = desk.newTraveler();

    for (String number :
        new String[] {"079 123 45 67", "0041791234567", "+41", "+4179123456789012"}) {
      Reply refused = traveler.client().post(SEND, Json.of("phone", number));
      assertThat(refused.status()).as(number + ": " + refused).isEqualTo(400);
      assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("phone");
    }
    Reply noCode = traveler.client().post(CONFIRM, Json.of("code", "12a456"));
    assertThat(noCode.status()).isEqualTo(400);
    assertThat(noCode.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("code");
    Reply nothingAsked = traveler.client().post(CONFIRM, Json.of("code", "123456"));
    assertThat(nothingAsked.status()).isEqualTo(409);
    assertThat(nothingAsked.json().getString("detail")).contains("ask for one first");
    assertThat(desk.anonymous().post(SEND, Json.of("phone", Phones.unique())).status())
        .isEqualTo(401);
    assertThat(desk.anonymous().post(CONFIRM, Json.of("code", "123456")).status()).isEqualTo(401);
  }

  @Test
  void documentsTheEndpointsInOpenApi(Desk desk) {
    JsonObject paths = desk.anonymous().get("/openapi?format=JSON").json().getJsonObject("paths");

    assertThat(paths.getJsonObject(SEND)).containsKey("post");
    assertThat(paths.getJsonObject(CONFIRM)).containsKey("post");
  }

  /** Gives {@code who} the verified number {@code phone}, whose text is its {@code nth}. */
  static void verify(Session who, String phone, TwilioStandIn twilio, int nth) {
    Reply sent = who.client().post(SEND, Json.of("phone", phone));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    String code = codeIn(twilio.awaitCount(phone, nth).get(nth - 1));
    Reply confirmed = who.client().post(CONFIRM, Json.of("code", code));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
  }

  /** The code in a verification text, which must read exactly as the template says. */
  static String codeIn(TwilioStandIn.Received text) {
    Matcher matcher = CODE_TEXT.matcher(text.body());
    assertThat(matcher.matches()).as(text.body()).isTrue();
    return matcher.group(1);
  }
}
