package org.concierge.bookings.api;

import java.time.Instant;
import org.concierge.bookings.BookingSms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking's text message, as the booking API answers it. */
@Schema(name = "BookingSms")
public record BookingSmsView(
    String reference,
    @Schema(description = "confirmation or reminder") String kind,
    String phone,
    @Schema(description = "When it goes out, or went out if sent") Instant sendAt,
    @Schema(
            description =
                "pending (waiting for its time), sending, sent, delivered or undelivered (as"
                    + " Twilio reports), failed (tried again later), dead (given up),"
                    + " not_configured (no SMS provider), cancelled, skipped (the number replied"
                    + " STOP)")
        String state,
    Instant sentAt) {

  static BookingSmsView of(BookingSms sms) {
    return new BookingSmsView(
        sms.reference(),
        sms.kind().wire(),
        sms.phone(),
        sms.sendAt(),
        sms.state().wire(),
        sms.sentAt());
  }
}
