package org.concierge.bookings.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.concierge.bookings.Booking;
import org.concierge.platform.FieldChecks;

/** The bodies of the booking API, and the checks of what they and the path say. */
final class BookingRequests {

  static final int REFERENCE_MAX = 64;
  static final int NAME_MAX = 100;
  static final int TRIP_MAX = 160;
  static final double HOURS_BEFORE_DEFAULT = 24;
  static final double HOURS_BEFORE_MAX = 24 * 366;

  private BookingRequests() {}

  /** {@code POST /api/bookings/{reference}/confirmation}. */
  public record Confirmation(String travelerName, String phone, String trip, String departureAt) {

    Booking booking(String reference) {
      FieldChecks checks = new FieldChecks();
      Booking booking =
          BookingRequests.booking(checks, reference, travelerName, phone, trip, departureAt);
      checks.throwIfInvalid();
      return booking;
    }
  }

  /**
   * {@code PUT /api/bookings/{reference}/reminder}: the booking, and when to remind, either at
   * {@code remindAt} or {@code hoursBefore} the departure (24 when neither is given).
   */
  public record Reminder(
      String travelerName,
      String phone,
      String trip,
      String departureAt,
      String remindAt,
      Double hoursBefore) {

    /** The booking and the reminder's time. */
    Scheduled scheduled(String reference) {
      FieldChecks checks = new FieldChecks();
      Booking booking =
          BookingRequests.booking(checks, reference, travelerName, phone, trip, departureAt);
      checks.check(
          remindAt == null || hoursBefore == null,
          "remindAt",
          "give either remindAt or hoursBefore, not both");
      Instant at = remindAt == null ? null : instant(checks, "remindAt", remindAt);
      checks.check(
          hoursBefore == null || (hoursBefore > 0 && hoursBefore <= HOURS_BEFORE_MAX),
          "hoursBefore",
          "must be more than 0 and at most " + (int) HOURS_BEFORE_MAX);
      checks.throwIfInvalid();
      if (at == null) {
        double hours = hoursBefore == null ? HOURS_BEFORE_DEFAULT : hoursBefore;
        at =
            booking.departure().toInstant().minus(Duration.ofMillis(Math.round(hours * 3_600_000)));
      }
      return new Scheduled(booking, at);
    }
  }

  /** A reminder to schedule. */
  record Scheduled(Booking booking, Instant remindAt) {}

  private static Booking booking(
      FieldChecks checks,
      String reference,
      String travelerName,
      String phone,
      String trip,
      String departureAt) {
    String validReference = checks.text("reference", reference, 1, REFERENCE_MAX, true);
    checks.check(
        validReference == null || validReference.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
        "reference",
        "may hold letters, digits, '.', '_' and '-' only");
    String name = checks.text("travelerName", travelerName, 1, NAME_MAX, true);
    String number = checks.phone("phone", phone, true);
    String validTrip = checks.text("trip", trip, 1, TRIP_MAX, true);
    OffsetDateTime departure = null;
    if (checks.text("departureAt", departureAt, 1, 64, true) != null) {
      try {
        departure = OffsetDateTime.parse(departureAt.strip());
      } catch (DateTimeParseException e) {
        checks.add(
            "departureAt",
            "must be an ISO-8601 time with its offset, the local time of departure"
                + " (2026-12-01T09:30:00+01:00)");
      }
    }
    return new Booking(validReference, name, number, validTrip, departure);
  }

  private static Instant instant(FieldChecks checks, String field, String raw) {
    try {
      return OffsetDateTime.parse(raw.strip()).toInstant();
    } catch (DateTimeParseException e) {
      checks.add(field, "must be an ISO-8601 time with its offset (2026-11-30T09:30:00Z)");
      return null;
    }
  }
}
