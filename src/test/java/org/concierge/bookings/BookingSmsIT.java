package org.concierge.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.bookings.Bookings.booking;
import static org.concierge.bookings.Bookings.confirmationPath;
import static org.concierge.bookings.Bookings.confirmationText;
import static org.concierge.bookings.Bookings.details;
import static org.concierge.bookings.Bookings.newReference;
import static org.concierge.bookings.Bookings.reminderAt;
import static org.concierge.bookings.Bookings.reminderPath;
import static org.concierge.bookings.Bookings.reminderText;
import static org.concierge.bookings.Bookings.system;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.concierge.testing.Client;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Phones;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.TwilioStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The booking system texts travelers through Concierge: confirmations at once, reminders at their
 * time; each checked at the Twilio stand-in as the traveler's phone receives it.
 */
@ExtendWith(ServerExtension.class)
class BookingSmsIT {

  @Test
  void aConfirmationIsTextedOnceHoweverOftenItIsAskedFor(Desk desk, TwilioStandIn twilio) {
    String reference = newReference();
    String phone = Phones.unique();
    Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    Reply queued = system(desk).post(confirmationPath(reference), booking(phone));

    assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
    assertThat(queued.json().getString("reference")).isEqualTo(reference);
    assertThat(queued.json().getString("kind")).isEqualTo("confirmation");
    assertThat(queued.json().getString("phone")).isEqualTo(phone);
    assertThat(Instant.parse(queued.json().getString("sendAt"))).isAfterOrEqualTo(asked);
    TwilioStandIn.Received text = twilio.awaitCount(phone, 1).get(0);
    assertThat(text.body()).isEqualTo(confirmationText(reference));
    assertThat(text.from()).isEqualTo(TwilioStandIn.FROM);
    assertThat(text.user()).isEqualTo(TwilioStandIn.ACCOUNT_SID);
    assertThat(text.password()).isEqualTo(TwilioStandIn.AUTH_TOKEN);

    Reply repeated = system(desk).post(confirmationPath(reference), booking(phone));

    assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
    JsonObject sent = awaitState(system(desk), confirmationPath(reference), "sent");
    assertThat(Instant.parse(sent.getString("sentAt"))).isAfterOrEqualTo(asked);
    assertThat(twilio.to(phone)).hasSize(1);
  }

  @Test
  void aReminderArrivesAtItsTimeAndNotBefore(Desk desk, TwilioStandIn twilio) {
    String reference = newReference();
    String phone = Phones.unique();
    Instant remindAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);

    Reply scheduled = system(desk).put(reminderPath(reference), reminderAt(phone, remindAt));

    assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
    assertThat(scheduled.json().getString("kind")).isEqualTo("reminder");
    assertThat(scheduled.json().getString("state")).isEqualTo("pending");
    assertThat(Instant.parse(scheduled.json().getString("sendAt"))).isEqualTo(remindAt);
    TwilioStandIn.Received text = twilio.awaitCount(phone, 1).get(0);
    assertThat(text.receivedAt()).isAfterOrEqualTo(remindAt);
    assertThat(text.body()).isEqualTo(reminderText(reference));
    assertThat(text.from()).isEqualTo(TwilioStandIn.FROM);
    awaitState(system(desk), reminderPath(reference), "sent");
  }

  @Test
  void aReminderComes24HoursBeforeDepartureUnlessToldOtherwise(Desk desk) {
    String reference = newReference();
    String phone = Phones.unique();
    Instant departure = OffsetDateTime.parse(Bookings.DEPARTURE).toInstant();

    Reply byDefault = system(desk).put(reminderPath(reference), booking(phone));
    Reply moved =
        system(desk).put(reminderPath(reference), details(phone).add("hoursBefore", 48).build());

    assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(201);
    assertThat(Instant.parse(byDefault.json().getString("sendAt")))
        .isEqualTo(departure.minus(Duration.ofHours(24)));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(Instant.parse(moved.json().getString("sendAt")))
        .isEqualTo(departure.minus(Duration.ofHours(48)));
    assertThat(system(desk).get(reminderPath(reference)).json()).isEqualTo(moved.json());
    assertThat(system(desk).delete(reminderPath(reference)).status()).isEqualTo(200);
  }

  @Test
  void aCancelledReminderIsNeverSent(Desk desk, TwilioStandIn twilio) {
    String cancelledReference = newReference();
    String cancelledPhone = Phones.unique();
    String keptReference = newReference();
    String keptPhone = Phones.unique();
    Instant remindAt = Instant.now().plusSeconds(4);
    system(desk).put(reminderPath(cancelledReference), reminderAt(cancelledPhone, remindAt));

    Reply cancelled = system(desk).delete(reminderPath(cancelledReference));

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
    assertThat(system(desk).delete(reminderPath(cancelledReference)).status())
        .as("cancelling twice")
        .isEqualTo(200);
    system(desk).put(reminderPath(keptReference), reminderAt(keptPhone, remindAt.plusMillis(500)));
    twilio.awaitCount(keptPhone, 1);
    assertThat(twilio.to(cancelledPhone)).isEmpty();
    assertThat(system(desk).get(reminderPath(cancelledReference)).json().getString("state"))
        .isEqualTo("cancelled");
  }

  @Test
  void aMovedReminderArrivesOnceAtItsNewTimeAndThenCannotChange(Desk desk, TwilioStandIn twilio) {
    String reference = newReference();
    String phone = Phones.unique();
    String newPhone = Phones.unique();
    system(desk).put(reminderPath(reference), reminderAt(phone, Instant.now().plusSeconds(3600)));
    Instant newTime = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

    Reply moved = system(desk).put(reminderPath(reference), reminderAt(newPhone, newTime));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("phone")).isEqualTo(newPhone);
    TwilioStandIn.Received text = twilio.awaitCount(newPhone, 1).get(0);
    assertThat(text.receivedAt()).isAfterOrEqualTo(newTime);
    assertThat(text.body()).isEqualTo(reminderText(reference));
    awaitState(system(desk), reminderPath(reference), "sent");
    assertThat(twilio.to(phone)).isEmpty();
    Reply tooLate =
        system(desk).put(reminderPath(reference), reminderAt(phone, Instant.now().plusSeconds(60)));
    assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
    assertThat(system(desk).delete(reminderPath(reference)).status()).isEqualTo(409);
    assertThat(twilio.to(newPhone)).hasSize(1);
  }

  @Test
  void refusesRemindersInThePastAndBadBookingsStoringNothing(Desk desk) {
    String reference = newReference();
    String phone = Phones.unique();
    Client system = system(desk);

    Reply past =
        system.put(reminderPath(reference), reminderAt(phone, Instant.now().minusSeconds(60)));
    Reply tooEarly =
        system.put(
            reminderPath(reference),
            details(phone)
                .add("departureAt", Instant.now().plus(Duration.ofHours(2)).toString())
                .build());
    Reply departed =
        system.put(
            reminderPath(reference),
            details(phone).add("departureAt", "2020-01-01T10:00:00Z").build());

    assertProblem(past, 400, "remindAt");
    assertThat(past.json().getString("detail")).contains("passed");
    assertProblem(tooEarly, 400, "remindAt");
    assertProblem(departed, 400, "departureAt");
    assertProblem(
        system.post(confirmationPath(reference), details("079 123 45 67").build()), 400, "phone");
    assertProblem(
        system.post(
            confirmationPath(reference), details(phone).add("departureAt", "tomorrow").build()),
        400,
        "departureAt");
    assertProblem(
        system.post(confirmationPath(reference), details(phone).add("trip", " ").build()),
        400,
        "trip");
    assertProblem(system.post(confirmationPath("NW%201"), booking(phone)), 400, "reference");
    assertThat(system.get(reminderPath(reference)).status()).isEqualTo(404);
    assertThat(system.get(confirmationPath(reference)).status()).isEqualTo(404);
    assertThat(system.delete(reminderPath(reference)).status()).isEqualTo(404);
  }

  @Test
  void onlyTheBookingSystemAndAdminsMayText(Desk desk) {
    String reference = newReference();
    String phone = Phones.unique();

    Reply anonymous = desk.anonymous().post(confirmationPath(reference), booking(phone));
    Reply wrongKey =
        desk.anonymous()
            .withHeader("X-Api-Key", "not-the-key")
            .post(confirmationPath(reference), booking(phone));
    Reply keyAsBearer =
        desk.anonymous()
            .withToken(ConciergeServer.BOOKING_API_KEY)
            .post(confirmationPath(reference), booking(phone));
    Reply traveler = desk.newTraveler().client().post(confirmationPath(reference), booking(phone));
    Reply agent = desk.newAgent().client().put(reminderPath(reference), booking(phone));
    Reply visitor = desk.newVisitor().client().get(reminderPath(reference));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(keyAsBearer.status()).as("the key is no bearer token").isEqualTo(401);
    assertThat(traveler.status()).isEqualTo(403);
    assertThat(traveler.contentType()).startsWith("application/problem+json");
    assertThat(agent.status()).isEqualTo(403);
    assertThat(visitor.status()).isEqualTo(403);
    assertThat(system(desk).get(confirmationPath(reference)).status())
        .as("nothing was queued")
        .isEqualTo(404);
    Reply admin = desk.admin().client().post(confirmationPath(reference), booking(phone));
    assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
  }

  @Test
  void documentsTheBookingApiInOpenApi(Desk desk) {
    JsonObject openApi = desk.anonymous().get("/openapi?format=JSON").json();
    JsonObject paths = openApi.getJsonObject("paths");

    assertThat(paths.getJsonObject("/api/bookings/{reference}/confirmation"))
        .containsKeys("post", "get");
    assertThat(paths.getJsonObject("/api/bookings/{reference}/reminder"))
        .containsKeys("put", "get", "delete");
    assertThat(openApi.getJsonObject("components").getJsonObject("securitySchemes"))
        .containsKey("bookingKey");
  }

  private static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains(field);
  }

  /** Waits until the booking's message at {@code path} is in {@code state}; its last answer. */
  static JsonObject awaitState(Client system, String path, String state) {
    return Awaitility.await(path + " " + state)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> system.get(path).json(), json -> state.equals(json.getString("state")));
  }
}
