package org.concierge.bookings;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A booking as the booking system tells it, with what the text messages about it say.
 *
 * @param reference the booking system's own reference, unique per booking
 * @param phone the traveler's number, E.164
 * @param trip what the traveler booked, in the booking system's words ("Lisbon city break, TP 941")
 * @param departure when the trip starts, at the offset of the place it starts from, which is the
 *     time the messages say
 */
public record Booking(
    String reference, String travelerName, String phone, String trip, OffsetDateTime departure) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu 'at' HH:mm", Locale.ENGLISH);

  /** The facts the messages' templates are given. */
  Map<String, String> data() {
    return Map.of(
        "reference", reference,
        "travelerName", travelerName,
        "trip", trip,
        "departure", spokenDeparture());
  }

  /** "Tue 1 Dec 2026 at 09:30 (UTC+01:00)": the local time, and which one it is. */
  String spokenDeparture() {
    ZoneOffset offset = departure.getOffset();
    String zone = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    return WHEN.format(departure) + " (" + zone + ")";
  }
}
