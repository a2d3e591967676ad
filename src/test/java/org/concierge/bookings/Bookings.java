package org.concierge.bookings;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;
import org.concierge.testing.Client;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;

/** A booking system as the tests play it: its client, its bookings and the texts they make. */
final class Bookings {

  static final String TRAVELER = "Ann Example";
  static final String TRIP = "Lisbon city break, TP 941 from Zurich";
  static final String DEPARTURE = "2030-06-04T09:30:00+02:00";
  static final String SPOKEN_DEPARTURE = "Tue 4 Jun 2030 at 09:30 (UTC+02:00)";

  private Bookings() {}

  /** The booking system's client: the booking API key in its header. */
  static Client system(Desk desk) {
    return desk.anonymous().withHeader("X-Api-Key", ConciergeServer.BOOKING_API_KEY);
  }

  static String newReference() {
    return "NW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String confirmationPath(String reference) {
    return "/api/bookings/" + reference + "/confirmation";
  }

  static String reminderPath(String reference) {
    return "/api/bookings/" + reference + "/reminder";
  }

  /** The booking's details, the standard trip to {@code phone}. */
  static JsonObject booking(String phone) {
    return details(phone).build();
  }

  /** The booking's details with a reminder at {@code remindAt}. */
  static JsonObject reminderAt(String phone, Instant remindAt) {
    return details(phone).add("remindAt", remindAt.toString()).build();
  }

  static JsonObjectBuilder details(String phone) {
    return jakarta.json.Json.createObjectBuilder(
        Json.of("travelerName", TRAVELER, "phone", phone, "trip", TRIP, "departureAt", DEPARTURE));
  }

  static String confirmationText(String reference) {
    return ConciergeServer.COMPANY_NAME
        + ": Hello Ann Example, your booking "
        + reference
        + " is confirmed: Lisbon city break, TP 941 from Zurich, departing "
        + SPOKEN_DEPARTURE
        + ".";
  }

  static String reminderText(String reference) {
    return ConciergeServer.COMPANY_NAME
        + ": Hello Ann Example, a reminder of your trip Lisbon city break, TP 941 from Zurich,"
        + " departing "
        + SPOKEN_DEPARTURE
        + " (booking "
        + reference
        + "). Have a good journey!";
  }
}
