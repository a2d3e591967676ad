package org.concierge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figures the "Desk now" page draws: chats and their response times hour by hour, and the
 * ratings. Test classes run one after another, so a period around this test's own chats holds only
 * them.
 */
@ExtendWith(ServerExtension.class)
class AnalyticsDayIT {

  @Test
  void countsAndAveragesEachHourOfThePeriod(Desk desk) {
    Session agent = desk.newAgent();
    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<JsonObject> chats = new ArrayList<>();

    Session ann = desk.newTraveler();
    String answered = ann.startChat("message", "Hello");
    agent.accept(answered);
    agent.say(answered, "Hello Ann.");
    close(agent, answered);
    rate(ann, answered, 5);
    chats.add(chat(ann, answered));

    Session bob = desk.newTraveler();
    String slow = bob.startChat("message", "Hello");
    agent.accept(slow);
    bob.say(slow, "Still there?");
    agent.say(slow, "Yes, sorry.");
    close(bob, slow);
    rate(bob, slow, 2);
    chats.add(chat(bob, slow));

    Session cat = desk.newTraveler();
    String waiting = cat.startChat("message", "Hello");
    chats.add(chat(cat, waiting));

    Session dan = desk.newTraveler();
    String alsoFive = dan.startChat("message", "Hello");
    agent.accept(alsoFive);
    close(agent, alsoFive);
    rate(dan, alsoFive, 5);
    chats.add(chat(dan, alsoFive));
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    JsonArray hours = hours(desk, from, to);
    assertThat(hours).isNotEmpty();
    assertThat(hour(hours.get(0))).isEqualTo(from.truncatedTo(ChronoUnit.HOURS));
    assertThat(hour(hours.get(hours.size() - 1))).isEqualTo(to.truncatedTo(ChronoUnit.HOURS));
    long started = 0;
    for (JsonValue entry : hours) {
      JsonObject hour = entry.asJsonObject();
      Instant start = hour(hour);
      List<JsonObject> ofHour =
          chats.stream()
              .filter(c -> instant(c, "createdAt").truncatedTo(ChronoUnit.HOURS).equals(start))
              .toList();
      assertThat(hour.getJsonNumber("started").longValue()).isEqualTo(ofHour.size());
      started += ofHour.size();
      assertAverage(hour, "avgFirstResponseSeconds", averageSeconds(ofHour, "firstResponseAt"));
      assertAverage(hour, "avgResolutionSeconds", averageSeconds(ofHour, "closedAt"));
    }
    assertThat(started).isEqualTo(4);

    JsonArray byScore = probe(desk, "ratings", from, to).json().getJsonArray("byScore");
    assertThat(byScore.stream().map(v -> Long.parseLong(v.toString())).toList())
        .containsExactly(0L, 1L, 0L, 0L, 2L);
  }

  @Test
  void anHourWithoutChatsCountsZero(Desk desk) {
    Instant from = Instant.parse("2001-05-01T10:15:00.000Z");
    Instant to = Instant.parse("2001-05-01T12:05:00.000Z");
    JsonArray hours = hours(desk, from, to);
    assertThat(hours.stream().map(AnalyticsDayIT::hour).toList())
        .containsExactly(
            Instant.parse("2001-05-01T10:00:00Z"),
            Instant.parse("2001-05-01T11:00:00Z"),
            Instant.parse("2001-05-01T12:00:00Z"));
    assertThat(hours)
        .allSatisfy(
            entry -> {
              assertThat(entry.asJsonObject().getInt("started")).isZero();
              assertThat(entry.asJsonObject().containsKey("avgFirstResponseSeconds")).isFalse();
            });
  }

  private static JsonArray hours(Desk desk, Instant from, Instant to) {
    try (JsonReader reader =
        jakarta.json.Json.createReader(new StringReader(probe(desk, "hourly", from, to).body()))) {
      return reader.readArray();
    }
  }

  private static Reply probe(Desk desk, String figure, Instant from, Instant to) {
    Reply reply =
        desk.anonymous().get("/api/test/analytics/" + figure + "?from=" + from + "&to=" + to);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply;
  }

  private static void assertAverage(JsonObject hour, String field, OptionalDouble expected) {
    if (expected.isEmpty()) {
      assertThat(hour.containsKey(field) && !hour.isNull(field)).as(field).isFalse();
    } else {
      assertThat(hour.getJsonNumber(field).doubleValue())
          .as(field)
          .isCloseTo(expected.getAsDouble(), within(0.001));
    }
  }

  private static OptionalDouble averageSeconds(List<JsonObject> chats, String field) {
    return chats.stream()
        .filter(c -> c.containsKey(field) && !c.isNull(field))
        .mapToLong(c -> Duration.between(instant(c, "createdAt"), instant(c, field)).toMillis())
        .average()
        .stream()
        .map(millis -> millis / 1000.0)
        .findFirst();
  }

  private static Instant hour(JsonValue entry) {
    return Instant.parse(entry.asJsonObject().getString("hour"));
  }

  private static void close(Session who, String room) {
    assertThat(who.client().post("/api/chat/" + room + "/close").status()).isEqualTo(200);
  }

  private static void rate(Session traveler, String room, int score) {
    Reply rated = traveler.client().post("/api/chat/" + room + "/rating", Json.of("score", score));
    assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
  }

  private static JsonObject chat(Session owner, String room) {
    return owner.client().get("/api/chat/" + room).json();
  }

  private static Instant instant(JsonObject chat, String field) {
    return Instant.parse(chat.getString(field));
  }
}
