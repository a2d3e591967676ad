package org.concierge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The overview of API.md. Test classes run one after another, so a period around this test's own
 * chats holds only them; pending, active and agents are read before and after each action.
 */
@ExtendWith(ServerExtension.class)
class AnalyticsIT {

  private static final String OVERVIEW = "/api/chat/analytics/overview";

  @Test
  void countsAndAveragesTheChatsOfThePeriod(Desk desk) {
    Session agent = desk.newAgent();
    Session admin = desk.admin();

    // Created before the period, closed in it: counts as closed, not in the total or averages.
    Session early = desk.newTraveler();
    String before = start(early, null);
    accept(agent, before);
    Instant from = momentAfter(createdAt(early, before));

    Session ann = desk.newTraveler();
    String answeredAndRated = start(ann, "My flight is cancelled");
    accept(agent, answeredAndRated);
    say(agent, answeredAndRated, "I am rebooking you.");
    assertThat(agent.client().post(action(answeredAndRated, "close")).status()).isEqualTo(200);
    rate(ann, answeredAndRated, 5);

    Session bob = desk.newTraveler();
    String closedByTraveler = start(bob, null);
    accept(agent, closedByTraveler);
    say(bob, closedByTraveler, "Hello?");
    say(agent, closedByTraveler, "Hello Bob.");
    say(agent, closedByTraveler, "Anything else?");
    assertThat(bob.client().post(action(closedByTraveler, "close")).status()).isEqualTo(200);
    rate(bob, closedByTraveler, 2);

    Session cat = desk.newTraveler();
    String stillActive = start(cat, "Where is my bag?");
    accept(agent, stillActive);
    say(admin, stillActive, "An admin answers first.");

    Session dan = desk.newTraveler();
    String stillPending = start(dan, "Anyone there?");

    Session eve = desk.newTraveler();
    String closedUnanswered = start(eve, null);
    accept(agent, closedUnanswered);
    say(eve, closedUnanswered, "Never mind.");
    assertThat(admin.client().post(action(closedUnanswered, "close")).status()).isEqualTo(200);

    assertThat(agent.client().post(action(before, "close")).status()).isEqualTo(200);
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    Reply reply = agent.client().get(OVERVIEW + "?from=" + from + "&to=" + to);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject overview = reply.json();

    JsonObject period = overview.getJsonObject("period");
    assertThat(Instant.parse(period.getString("from"))).isEqualTo(from);
    assertThat(Instant.parse(period.getString("to"))).isEqualTo(to);
    assertThat(period.getString("from"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    JsonObject chats = overview.getJsonObject("chats");
    assertThat(chats.getInt("total")).isEqualTo(5);
    assertThat(chats.getInt("closed")).isEqualTo(4);

    List<JsonObject> created =
        List.of(
            chat(ann, answeredAndRated),
            chat(bob, closedByTraveler),
            chat(cat, stillActive),
            chat(dan, stillPending),
            chat(eve, closedUnanswered));
    assertThat(created).allSatisfy(c -> assertThat(instant(c, "createdAt")).isAfterOrEqualTo(from));
    assertThat(created.get(3).containsKey("firstResponseAt")).isFalse();
    assertThat(created.get(4).containsKey("firstResponseAt")).isFalse();
    double firstResponse = averageSeconds(created, "firstResponseAt");
    double resolution = averageSeconds(created, "closedAt");
    assertThat(overview.getJsonNumber("avgFirstResponseSeconds").doubleValue())
        .isCloseTo(firstResponse, within(0.001));
    assertThat(overview.getJsonNumber("avgResolutionSeconds").doubleValue())
        .isCloseTo(resolution, within(0.001));

    JsonObject satisfaction = overview.getJsonObject("satisfaction");
    assertThat(satisfaction.getInt("count")).isEqualTo(2);
    assertThat(satisfaction.getJsonNumber("average").doubleValue()).isEqualTo(3.5);
  }

  @Test
  void averagesAreNullWhenNoChatOfThePeriodHasThem(Desk desk) {
    Session agent = desk.newAgent();
    Reply empty =
        agent.client().get(OVERVIEW + "?from=2001-01-01T00:00:00.000Z&to=2001-12-31T23:59:59.999Z");
    assertThat(empty.status()).isEqualTo(200);
    JsonObject overview = empty.json();
    assertThat(overview.containsKey("avgFirstResponseSeconds")).isTrue();
    assertThat(overview.isNull("avgFirstResponseSeconds")).isTrue();
    assertThat(overview.containsKey("avgResolutionSeconds")).isTrue();
    assertThat(overview.isNull("avgResolutionSeconds")).isTrue();
    assertThat(overview.getJsonObject("satisfaction").isNull("average")).isTrue();
    assertThat(overview.getJsonObject("satisfaction").getInt("count")).isZero();
    assertThat(overview.getJsonObject("chats").getInt("total")).isZero();
    assertThat(overview.getJsonObject("chats").getInt("closed")).isZero();
    assertThat(overview.getJsonObject("period").getString("from"))
        .isEqualTo("2001-01-01T00:00:00.000Z");
    assertThat(overview.getJsonObject("period").getString("to"))
        .isEqualTo("2001-12-31T23:59:59.999Z");

    // A period whose only chat waits, unanswered: counted, but nothing to average.
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    start(desk.newTraveler(), "Hello?");
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    JsonObject waiting = agent.client().get(OVERVIEW + "?from=" + from + "&to=" + to).json();
    assertThat(waiting.getJsonObject("chats").getInt("total")).isEqualTo(1);
    assertThat(waiting.isNull("avgFirstResponseSeconds")).isTrue();
    assertThat(waiting.isNull("avgResolutionSeconds")).isTrue();
    assertThat(waiting.getJsonObject("satisfaction").isNull("average")).isTrue();
  }

  @Test
  void pendingActiveAndAgentsCountWhatIsTrueNow(Desk desk) {
    Session admin = desk.admin();
    Function<Session, JsonObject> read =
        who -> {
          Reply reply = who.client().get(OVERVIEW);
          assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
          return reply.json();
        };

    JsonObject start = read.apply(admin);
    Session agent = desk.newAgent();
    JsonObject hired = read.apply(admin);
    assertThat(delta(start, hired, "agents", "offline")).isEqualTo(1);
    assertThat(delta(start, hired, "agents", "online")).isZero();
    assertThat(delta(start, hired, "agents", "away")).isZero();

    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "online")).status())
        .isEqualTo(200);
    JsonObject online = read.apply(agent);
    assertThat(delta(hired, online, "agents", "online")).isEqualTo(1);
    assertThat(delta(hired, online, "agents", "offline")).isEqualTo(-1);

    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "away")).status())
        .isEqualTo(200);
    JsonObject away = read.apply(agent);
    assertThat(delta(online, away, "agents", "away")).isEqualTo(1);
    assertThat(delta(online, away, "agents", "online")).isEqualTo(-1);
    assertThat(delta(online, away, "agents", "offline")).isZero();

    Session traveler = desk.newTraveler();
    JsonObject before = read.apply(admin);
    String room = start(traveler, "Help");
    JsonObject queued = read.apply(admin);
    assertThat(delta(before, queued, "chats", "pending")).isEqualTo(1);
    assertThat(delta(before, queued, "chats", "active")).isZero();
    assertThat(delta(before, queued, "chats", "total")).isEqualTo(1);

    accept(agent, room);
    JsonObject served = read.apply(admin);
    assertThat(delta(queued, served, "chats", "pending")).isEqualTo(-1);
    assertThat(delta(queued, served, "chats", "active")).isEqualTo(1);

    assertThat(traveler.client().post(action(room, "close")).status()).isEqualTo(200);
    JsonObject closed = read.apply(admin);
    assertThat(delta(served, closed, "chats", "active")).isEqualTo(-1);
    assertThat(delta(served, closed, "chats", "pending")).isZero();
    assertThat(delta(served, closed, "chats", "closed")).isEqualTo(1);
    assertThat(delta(served, closed, "chats", "total")).isZero();

    String abandoned = start(traveler, null);
    assertThat(traveler.client().post(action(abandoned, "close")).status()).isEqualTo(200);
    JsonObject withdrawn = read.apply(admin);
    assertThat(delta(closed, withdrawn, "chats", "pending")).isZero();
    assertThat(delta(closed, withdrawn, "chats", "closed")).isEqualTo(1);
    assertThat(delta(closed, withdrawn, "chats", "total")).isEqualTo(1);
  }

  @Test
  void theDefaultPeriodIsTheLastSevenDays(Desk desk) {
    Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    JsonObject period = desk.newAgent().client().get(OVERVIEW).json().getJsonObject("period");
    Instant to = Instant.parse(period.getString("to"));
    assertThat(to).isBetween(asked, Instant.now());
    assertThat(Instant.parse(period.getString("from"))).isEqualTo(to.minus(Duration.ofDays(7)));
  }

  @Test
  void refusesPeriodsThatAreNotInstants(Desk desk) {
    Session agent = desk.newAgent();
    Reply badFrom = agent.client().get(OVERVIEW + "?from=yesterday");
    assertThat(badFrom.status()).isEqualTo(400);
    assertThat(badFrom.contentType()).startsWith("application/problem+json");
    assertThat(fields(badFrom)).containsExactly("from");

    Reply badTo = agent.client().get(OVERVIEW + "?from=2026-01-01T00:00:00Z&to=2026-13-01");
    assertThat(badTo.status()).isEqualTo(400);
    assertThat(fields(badTo)).containsExactly("to");

    Reply reversed =
        agent.client().get(OVERVIEW + "?from=2026-02-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.contentType()).startsWith("application/problem+json");
    assertThat(fields(reversed)).containsExactly("from");
  }

  @Test
  void isForAgentsAndAdminsOnly(Desk desk) {
    assertThat(desk.newTraveler().client().get(OVERVIEW).status()).isEqualTo(403);
    assertThat(desk.newVisitor().client().get(OVERVIEW).status()).isEqualTo(403);
    Reply anonymous = desk.anonymous().get(OVERVIEW);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(desk.admin().client().get(OVERVIEW).status()).isEqualTo(200);
    assertThat(desk.newAgent().client().get(OVERVIEW).status()).isEqualTo(200);
  }

  private static String start(Session traveler, String message) {
    Reply started =
        traveler
            .client()
            .post("/api/chat/start", message == null ? Json.of() : Json.of("message", message));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().getString("id");
  }

  private static void accept(Session agent, String room) {
    Reply accepted = agent.client().post(action(room, "accept"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
  }

  private static void say(Session who, String room, String text) {
    Reply posted =
        who.client()
            .post(
                action(room, "messages"),
                Json.of("clientId", UUID.randomUUID().toString(), "text", text));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
  }

  private static void rate(Session traveler, String room, int score) {
    Reply rated = traveler.client().post(action(room, "rating"), Json.of("score", score));
    assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
  }

  private static String action(String room, String what) {
    return "/api/chat/" + room + "/" + what;
  }

  private static JsonObject chat(Session owner, String room) {
    Reply chat = owner.client().get("/api/chat/" + room);
    assertThat(chat.status()).isEqualTo(200);
    return chat.json();
  }

  private static Instant createdAt(Session owner, String room) {
    return instant(chat(owner, room), "createdAt");
  }

  private static Instant instant(JsonObject chat, String field) {
    return Instant.parse(chat.getString(field));
  }

  /** The first millisecond after {@code t}, once the clock has reached it. */
  private static Instant momentAfter(Instant t) {
    Instant next = t.plusMillis(1);
    while (Instant.now().isBefore(next)) {
      Thread.onSpinWait();
    }
    return next;
  }

  /** The mean time from creation to {@code field} over the chats that have it, in seconds. */
  private static double averageSeconds(List<JsonObject> chats, String field) {
    return chats.stream()
            .filter(c -> c.containsKey(field) && !c.isNull(field))
            .mapToLong(c -> Duration.between(instant(c, "createdAt"), instant(c, field)).toMillis())
            .average()
            .orElseThrow()
        / 1000.0;
  }

  private static long delta(JsonObject before, JsonObject after, String group, String field) {
    return after.getJsonObject(group).getJsonNumber(field).longValue()
        - before.getJsonObject(group).getJsonNumber(field).longValue();
  }

  private static List<String> fields(Reply reply) {
    return reply.json().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }
}
