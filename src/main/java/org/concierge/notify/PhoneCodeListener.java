package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.concierge.identity.PhoneCodeIssued;

/**
 * Texts each phone verification code to its number. It observes synchronously, so the person is
 * told a code is on its way only once its message is in the outbox; the code itself is sealed there
 * (see {@link SealedData}), never in plain text.
 */
@ApplicationScoped
public class PhoneCodeListener {

  static final String CODE = "code";

  @Inject Outbox outbox;
  @Inject SealedData sealed;

  void issued(@Observes PhoneCodeIssued event) {
    // Not a notification the person may turn off: they asked for this code a moment ago. A number
    // that answered STOP is still refused by the SMS provider's courier.
    outbox.sms(
        Optional.empty(),
        event.phone(),
        NotificationKind.PHONE_VERIFICATION,
        null,
        Map.of(CODE, sealed.seal(event.code()), "validFor", spoken(event.lifetime())),
        "phone-code:" + event.userId() + ":" + event.issuedAt().toEpochMilli(),
        event.issuedAt());
  }

  /** "5 minutes", or "30 seconds" for a lifetime of less than two minutes. */
  static String spoken(Duration lifetime) {
    long seconds = Math.max(1, lifetime.toSeconds());
    if (seconds < 120) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    return (seconds / 60) + " minutes";
  }
}
