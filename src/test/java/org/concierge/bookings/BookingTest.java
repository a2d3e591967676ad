package org.concierge.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BookingTest {

  @Test
  void saysTheDepartureInItsOwnLocalTime() {
    Booking lisbon =
        new Booking(
            "NW-1",
            "Ann",
            "+41446681800",
            "Lisbon city break",
            OffsetDateTime.parse("2026-12-01T09:30:00+01:00"));
    Booking london =
        new Booking(
            "NW-2", "Ben", "+447700900123", "London", OffsetDateTime.parse("2027-01-05T18:05Z"));

    assertThat(lisbon.spokenDeparture()).isEqualTo("Tue 1 Dec 2026 at 09:30 (UTC+01:00)");
    assertThat(london.spokenDeparture()).isEqualTo("Tue 5 Jan 2027 at 18:05 (UTC)");
    assertThat(lisbon.data())
        .containsEntry("reference", "NW-1")
        .containsEntry("travelerName", "Ann")
        .containsEntry("trip", "Lisbon city break")
        .containsEntry("departure", "Tue 1 Dec 2026 at 09:30 (UTC+01:00)");
  }
}
