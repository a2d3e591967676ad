package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.concierge.notify.NotificationKind;
import org.junit.jupiter.api.Test;

/** The texts travelers get outside a chat, as their phone shows them: one line, as written. */
class TravelerTextsTest {

  private final SmsTemplates templates = new SmsTemplates();

  @Test
  void aVerificationCodeSaysHowLongItLasts() {
    Map<String, Object> model = new HashMap<>();
    model.put("company", "Northwind & Co");
    model.put("code", "042917");
    model.put("validFor", "5 minutes");

    assertThat(templates.render(NotificationKind.PHONE_VERIFICATION, model))
        .isEqualTo(
            "042917 is your Northwind & Co verification code. It expires in 5 minutes. Do not"
                + " share it with anyone.");
  }

  @Test
  void aBookingConfirmationAndItsReminderTellTheTripAndItsDeparture() {
    Map<String, Object> model = booking();

    assertThat(templates.render(NotificationKind.BOOKING_CONFIRMED, model))
        .isEqualTo(
            "Northwind & Co: Hello Ann O'Neil, your booking NW-20731 is confirmed: Lisbon <city>"
                + " break, departing Tue 1 Dec 2026 at 09:30 (UTC+01:00).");
    assertThat(templates.render(NotificationKind.TRIP_REMINDER, model))
        .isEqualTo(
            "Northwind & Co: Hello Ann O'Neil, a reminder of your trip Lisbon <city> break,"
                + " departing Tue 1 Dec 2026 at 09:30 (UTC+01:00) (booking NW-20731). Have a good"
                + " journey!");
  }

  private static Map<String, Object> booking() {
    Map<String, Object> model = new HashMap<>();
    model.put("company", "Northwind & Co");
    model.put("reference", "NW-20731");
    model.put("travelerName", "Ann O'Neil");
    model.put("trip", "Lisbon <city> break");
    model.put("departure", "Tue 1 Dec 2026 at 09:30 (UTC+01:00)");
    return model;
  }
}
