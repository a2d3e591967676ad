package org.concierge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioStandIn.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin's text message to the travelers of a period, as Twilio's stand-in receives it: dealt
 * over the two sender numbers, each number at its own configured rate.
 */
@ExtendWith(ServerExtension.class)
class BroadcastSmsIT {

  private static final Duration SPACING =
      Duration.ofMillis(60_000 / ConciergeServer.BULK_SMS_PER_MINUTE);
  private static final Duration TICK = Duration.ofSeconds(1);

  /** What one pass of the worker may send from one number: the rate's share of a tick. */
  private static final int PER_TICK_ALLOWANCE =
      (int) Math.ceil((double) TICK.toMillis() / SPACING.toMillis());

  /** What a first message may wait for the worker's next pass: one tick and the pass itself. */
  private static final Duration FIRST_WAIT = TICK.plusMillis(200);

  @Test
  void dealsTheTextsOverTheSenderNumbersEachAtItsRate(Desk desk, TwilioStandIn twilio) {
    Session admin = desk.admin();
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(from);
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String phone = newPhone();
      closeQuietly(admin, traveler(desk, phone).startChat("subject", "Ferry " + i));
      reached.add(phone);
    }
    String quietPhone = newPhone();
    Session quiet = traveler(desk, quietPhone);
    Reply off = quiet.client().put("/api/me/notifications", Json.of("email", true, "sms", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    closeQuietly(admin, quiet.startChat("subject", "Texts off"));
    closeQuietly(admin, desk.newTraveler().startChat("subject", "No phone"));
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(to);

    String text = "Ferries run late today <" + from.toEpochMilli() + ">: check the board & smile.";
    Reply sent =
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of(
                    "channel",
                    "sms",
                    "audience",
                    "travelers",
                    "from",
                    from.toString(),
                    "to",
                    to.toString(),
                    "text",
                    text));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.json().getInt("recipients")).isEqualTo(reached.size());
    String id = sent.json().getString("id");

    List<Received> texts = new ArrayList<>();
    for (String phone : reached) {
      texts.add(twilio.await(phone, m -> m.body().equals(text)));
    }
    Awaitility.await("the broadcast's progress")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                admin.client().get("/api/admin/broadcasts/" + id).json().getJsonObject("progress"),
            progress -> progress.equals(Json.of("queued", 0, "sent", reached.size(), "failed", 0)));

    for (String phone : reached) {
      assertThat(twilio.to(phone)).filteredOn(m -> m.body().equals(text)).hasSize(1);
    }
    assertThat(twilio.to(quietPhone)).isEmpty();
    Map<String, List<Instant>> bySender =
        texts.stream()
            .collect(
                Collectors.groupingBy(
                    Received::from, Collectors.mapping(Received::receivedAt, Collectors.toList())));
    assertThat(bySender)
        .containsOnlyKeys(TwilioStandIn.FROM, TwilioStandIn.SECOND_FROM)
        .allSatisfy((sender, times) -> assertThat(times).hasSize(reached.size() / 2));
    bySender.forEach(BroadcastSmsIT::assertPaced);
  }

  /**
   * Over one number's texts, the span is at least what the rate demands less the first one's wait
   * for the worker, and no second holds more than one pass of the worker may send from it.
   */
  private static void assertPaced(String sender, List<Instant> arrivals) {
    List<Instant> times = arrivals.stream().sorted().toList();
    Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
    assertThat(span)
        .as("the span of the texts from %s: %s", sender, times)
        .isGreaterThanOrEqualTo(SPACING.multipliedBy(times.size() - 1).minus(FIRST_WAIT));
    for (Instant start : times) {
      long inWindow =
          times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plus(TICK))).count();
      assertThat(inWindow)
          .as("texts from %s in the second from %s: %s", sender, start, times)
          .isLessThanOrEqualTo(PER_TICK_ALLOWANCE);
    }
  }

  /** A registered traveler with a phone number. */
  private static Session traveler(Desk desk, String phone) {
    String email = Desk.uniqueEmail("texted");
    Reply registered =
        desk.anonymous()
            .post(
                "/api/auth/register",
                Json.of(
                    "email",
                    email,
                    "password",
                    "traveler-pass",
                    "name",
                    "Texted traveler",
                    "phone",
                    phone));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return desk.login(email, "traveler-pass");
  }

  private static String newPhone() {
    return "+4179" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
  }

  /** The server stamps chats with its own clock, the same as this one: wait until it moved on. */
  private static void awaitClockPast(Instant instant) {
    Awaitility.await()
        .pollInterval(Duration.ofMillis(1))
        .until(() -> Instant.now().isAfter(instant));
  }

  private static void closeQuietly(Session who, String room) {
    Reply closed = who.client().post("/api/chat/" + room + "/close");
    assertThat(closed.status()).as(closed.toString()).isIn(200, 409);
  }
}
