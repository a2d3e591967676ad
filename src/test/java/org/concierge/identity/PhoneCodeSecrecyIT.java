package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.identity.PhoneVerificationIT.SEND;
import static org.concierge.identity.PhoneVerificationIT.codeIn;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
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
 * A verification code is never in the store in plain text: not where the code is kept to be
 * checked, not in the text message waiting in the outbox, and not in the outbox's record once sent.
 * Twilio is down at first, so the message waits in the store long enough to be read there.
 */
@ExtendWith(ServerExtension.class)
class PhoneCodeSecrecyIT {

  @Test
  void theCodeIsStoredOnlyHashedAndSealedAndIsErasedOnceSent(Desk desk, TwilioStandIn twilio) {
    Session traveler = desk.newTraveler();
    String phone = Phones.unique();
    String waiting;
    String kept;
    twilio.stop();
    try {
      assertThat(traveler.client().post(SEND, Json.of("phone", phone)).status()).isEqualTo(202);
      waiting =
          Awaitility.await("a failed try of the text to " + phone)
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> stored(desk, "notifications", "address", phone),
                  found -> found.size() == 1 && hasState(found, "failed"))
              .toString();
      kept = stored(desk, "phone_codes", "_id", traveler.id()).toString();
    } finally {
      twilio.start();
    }
    String sealed =
        Json.read(waiting).asJsonArray().getJsonObject(0).getJsonObject("data").getString("code");
    assertThat(sealed).startsWith("sealed:").hasSizeGreaterThan(20);

    String code = codeIn(twilio.awaitCount(phone, 1).get(0));

    assertThat(waiting).doesNotContain(code);
    assertThat(kept).contains("codeHash").doesNotContain(code);
    JsonArray sent =
        Awaitility.await("the text's record once sent")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> stored(desk, "notifications", "address", phone),
                found -> hasState(found, "sent"));
    assertThat(sent.getJsonObject(0).getJsonObject("data").getString("code"))
        .as("erased once sent")
        .isEqualTo("sealed:");
  }

  private static boolean hasState(JsonArray documents, String state) {
    return documents.getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("state"))
        .toList()
        .equals(List.of(state));
  }

  /** The documents of {@code collection} whose {@code field} is {@code value}, as stored. */
  private static JsonArray stored(Desk desk, String collection, String field, String value) {
    Reply reply =
        desk.anonymous()
            .get(
                "/api/test/store/"
                    + collection
                    + "?field="
                    + field
                    + "&value="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return Json.read(reply.body()).asJsonArray();
  }
}
