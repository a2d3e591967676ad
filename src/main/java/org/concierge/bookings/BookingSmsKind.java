package org.concierge.bookings;

import java.util.Locale;
import org.concierge.notify.NotificationKind;

/** The two text messages of a booking, each at most once per booking reference. */
public enum BookingSmsKind {
  CONFIRMATION(NotificationKind.BOOKING_CONFIRMED, "booking-confirmation:"),
  REMINDER(NotificationKind.TRIP_REMINDER, "trip-reminder:");

  private final NotificationKind notification;
  private final String dedupePrefix;

  BookingSmsKind(NotificationKind notification, String dedupePrefix) {
    this.notification = notification;
    this.dedupePrefix = dedupePrefix;
  }

  NotificationKind notification() {
    return notification;
  }

  /** The outbox's name of this message of this booking, which makes a second one impossible. */
  String dedupeKey(String reference) {
    return dedupePrefix + reference;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
