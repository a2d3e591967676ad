package org.concierge.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.bookings.Bookings.newReference;
import static org.concierge.bookings.Bookings.reminderAt;
import static org.concierge.bookings.Bookings.reminderPath;
import static org.concierge.bookings.Bookings.reminderText;
import static org.concierge.bookings.Bookings.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Phones;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.TwilioStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scheduled reminder lives in the store: a restart of the server before its time loses nothing.
 */
@ExtendWith(ServerExtension.class)
class BookingReminderRestartIT {

  @Test
  void aReminderScheduledBeforeARestartArrivesOnceAtItsTime(
      ConciergeServer server, Desk desk, TwilioStandIn twilio) {
    String reference = newReference();
    String phone = Phones.unique();
    Instant remindAt = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
    Reply scheduled = system(desk).put(reminderPath(reference), reminderAt(phone, remindAt));
    assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);

    server.stop();

    assertThat(Instant.now())
        .as("the server stopped before the reminder's time")
        .isBefore(remindAt);
    assertThat(twilio.to(phone)).isEmpty();
    server.restart(); // starts the stopped server again, on the same data
    TwilioStandIn.Received text = twilio.awaitCount(phone, 1).get(0);
    assertThat(text.receivedAt()).isAfterOrEqualTo(remindAt);
    assertThat(text.body()).isEqualTo(reminderText(reference));
    BookingSmsIT.awaitState(system(desk), reminderPath(reference), "sent");
    assertThat(twilio.to(phone)).hasSize(1);
  }
}
