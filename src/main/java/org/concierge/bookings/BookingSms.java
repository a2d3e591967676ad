package org.concierge.bookings;

import java.time.Instant;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Notification;

/**
 * A booking's text message as the booking system sees it: which booking and message, to which
 * number, when it goes (or went) out, and how far it got.
 *
 * @param created true when this request queued it, false when it was there already
 */
public record BookingSms(
    String reference,
    BookingSmsKind kind,
    String phone,
    Instant sendAt,
    DeliveryState state,
    Instant sentAt,
    boolean created) {

  static BookingSms of(
      String reference, BookingSmsKind kind, Notification notification, boolean created) {
    return new BookingSms(
        reference,
        kind,
        notification.address(),
        notification.nextAttemptAt(),
        notification.state(),
        notification.sentAt(),
        created);
  }
}
