package org.concierge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.MailServer.Received;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin's email to the travelers of a period, as the mail server receives it: to exactly the
 * people it should reach, once each, and at the configured rate.
 */
@ExtendWith(ServerExtension.class)
class BroadcastEmailIT {

  private static final Duration SPACING =
      Duration.ofMillis(60_000 / ConciergeServer.BULK_EMAIL_PER_MINUTE);
  private static final Duration TICK = Duration.ofSeconds(1);

  /** Emails of one lane the worker may send in one pass: the rate's share of a tick. */
  private static final int PER_TICK_ALLOWANCE =
      (int) Math.ceil((double) TICK.toMillis() / SPACING.toMillis());

  /** What a first message may wait for the worker's next pass: one tick and the pass itself. */
  private static final Duration FIRST_WAIT = TICK.plusMillis(200);

  @Test
  void reachesEachTravelerOfThePeriodOnceAtTheConfiguredRate(Desk desk, MailServer mail) {
    Session outsider = desk.newTraveler();
    String earlier = outsider.startChat("subject", "Before the period");
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(from);

    List<Session> reached = new ArrayList<>();
    List<String> rooms = new ArrayList<>(List.of(earlier));
    for (int i = 0; i < 8; i++) {
      Session traveler = desk.newTraveler();
      rooms.add(traveler.startChat("subject", "Trip " + i));
      reached.add(traveler);
    }
    rooms.add(reached.get(0).startChat("subject", "A second chat of the first traveler"));
    Session quiet = desk.newTraveler();
    Reply off = quiet.client().put("/api/me/notifications", Json.of("email", false, "sms", true));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    rooms.add(quiet.startChat("subject", "Email off"));
    Session disabled = desk.newTraveler();
    rooms.add(disabled.startChat("subject", "Soon disabled"));
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(to);
    Session admin = desk.admin();
    Reply disabling =
        admin.client().put("/api/admin/users/" + disabled.id(), Json.of("disabled", true));
    assertThat(disabling.status()).as(disabling.toString()).isEqualTo(200);
    rooms.forEach(room -> closeQuietly(admin, room));

    JsonObject audience =
        Json.of("channel", "email", "audience", "travelers", "from", iso(from), "to", iso(to));
    Reply preview = admin.client().post("/api/admin/broadcasts/preview", audience);
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.json().getInt("recipients")).isEqualTo(reached.size());

    String subject = "Spring offers <" + from.toEpochMilli() + ">";
    String text = "Our <b>spring</b> trips & more.\nSee you soon!";
    Reply sent =
        admin
            .client()
            .post(
                "/api/admin/broadcasts",
                Json.of(
                    "channel",
                    "email",
                    "audience",
                    "travelers",
                    "from",
                    iso(from),
                    "to",
                    iso(to),
                    "subject",
                    subject,
                    "text",
                    text));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    JsonObject broadcast = sent.json();
    assertThat(broadcast.getInt("recipients")).isEqualTo(reached.size());
    assertThat(sent.header("Location"))
        .endsWith("/api/admin/broadcasts/" + broadcast.getString("id"));

    List<Received> arrivals = new ArrayList<>();
    for (Session traveler : reached) {
      Received email = mail.awaitSubject(traveler.email(), subject);
      assertThat(email.contentType()).startsWith("multipart/alternative");
      assertThat(email.text())
          .contains("Hello " + traveler.name())
          .contains("Our <b>spring</b> trips & more.\r\nSee you soon!")
          .contains(ConciergeServer.COMPANY_NAME);
      assertThat(email.html())
          .contains("Hello " + traveler.name())
          .contains("Our &lt;b&gt;spring&lt;/b&gt; trips &amp; more.")
          .doesNotContain("<b>spring</b>")
          .contains(ConciergeServer.COMPANY_NAME);
      arrivals.add(email);
    }
    awaitProgress(admin, broadcast.getString("id"), reached.size());

    for (Session traveler : reached) {
      assertThat(withSubject(mail, traveler.email(), subject)).hasSize(1);
    }
    for (Session left : List.of(outsider, quiet, disabled)) {
      assertThat(withSubject(mail, left.email(), subject)).isEmpty();
    }
    assertPaced(arrivals);
  }

  @Test
  void twoBroadcastsAtOnceQueueOneAfterTheOtherAndDelayNoOrdinaryEmail(Desk desk, MailServer mail) {
    Session admin = desk.admin();
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(from);
    List<Session> travelers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Session traveler = desk.newTraveler();
      closeQuietly(admin, traveler.startChat("subject", "Cruise " + i));
      travelers.add(traveler);
    }
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    awaitClockPast(to);

    String first = "Cruise news " + from.toEpochMilli();
    String second = "Cruise tips " + from.toEpochMilli();
    CompletableFuture<Reply> one =
        CompletableFuture.supplyAsync(() -> toPeriod(admin, from, to, first));
    CompletableFuture<Reply> two =
        CompletableFuture.supplyAsync(() -> toPeriod(admin, from, to, second));
    Session latecomer = desk.newTraveler();
    String room = latecomer.startChat("subject", "Ordinary while broadcasting");
    for (Reply reply : List.of(one.join(), two.join())) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
      assertThat(reply.json().getInt("recipients")).isEqualTo(travelers.size());
    }

    List<Received> arrivals = new ArrayList<>();
    for (Session traveler : travelers) {
      arrivals.add(mail.awaitSubject(traveler.email(), first));
      arrivals.add(mail.awaitSubject(traveler.email(), second));
    }
    Received ordinary =
        mail.awaitSubject(latecomer.email(), "We have your message: Ordinary while broadcasting");
    closeQuietly(admin, room);
    assertThat(withSubject(mail, latecomer.email(), first)).isEmpty();

    List<Received> inOrder =
        arrivals.stream().sorted(Comparator.comparing(Received::receivedAt)).toList();
    String leader = inOrder.get(0).subject();
    int half = travelers.size();
    assertThat(inOrder.subList(0, half)).allSatisfy(m -> assertThat(m.subject()).isEqualTo(leader));
    assertThat(inOrder.subList(half, inOrder.size()))
        .allSatisfy(m -> assertThat(m.subject()).isNotEqualTo(leader));
    assertThat(ordinary.receivedAt()).isBefore(inOrder.get(inOrder.size() - 1).receivedAt());
    assertPaced(inOrder);
  }

  /**
   * Over the arrivals, the span is at least what the rate demands less the first one's wait for the
   * worker, and no second holds more than one pass of the worker may send.
   */
  private static void assertPaced(List<Received> arrivals) {
    List<Instant> times = arrivals.stream().map(Received::receivedAt).sorted().toList();
    Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
    assertThat(span)
        .as("the span of %s arrivals: %s", times.size(), times)
        .isGreaterThanOrEqualTo(SPACING.multipliedBy(times.size() - 1).minus(FIRST_WAIT));
    for (Instant start : times) {
      long inWindow =
          times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plus(TICK))).count();
      assertThat(inWindow)
          .as("arrivals in the second from %s: %s", start, times)
          .isLessThanOrEqualTo(PER_TICK_ALLOWANCE);
    }
  }

  private static Reply toPeriod(Session admin, Instant from, Instant to, String subject) {
    return admin
        .client()
        .post(
            "/api/admin/broadcasts",
            Json.of(
                "channel",
                "email",
                "audience",
                "travelers",
                "from",
                iso(from),
                "to",
                iso(to),
                "subject",
                subject,
                "text",
                "Ten ports in ten days."));
  }

  private static void awaitProgress(Session admin, String id, int sent) {
    Awaitility.await("the broadcast's progress")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> admin.client().get("/api/admin/broadcasts/" + id).json(),
            b ->
                b.getJsonObject("progress")
                    .equals(Json.of("queued", 0, "sent", sent, "failed", 0)));
  }

  private static List<Received> withSubject(MailServer mail, String address, String subject) {
    return mail.to(address).stream().filter(m -> m.subject().equals(subject)).toList();
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

  private static String iso(Instant instant) {
    return instant.toString();
  }
}
