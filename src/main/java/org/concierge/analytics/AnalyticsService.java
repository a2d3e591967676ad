package org.concierge.analytics;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concierge.identity.Caller;
import org.concierge.platform.Forbidden;

/**
 * Computes the desk's numbers from the store on each request, so they include every change
 * acknowledged before it: the overview of API.md, the day hour by hour, and the ratings. Durations
 * are averaged from the millisecond figures the chat store keeps on each chat ({@code
 * firstResponseMillis}, {@code resolutionMillis}).
 */
@ApplicationScoped
public class AnalyticsService {

  /** Hours as grouped in the store: {@code $dateToString} in UTC, to the hour. */
  private static final String HOUR_FORMAT = "%Y-%m-%dT%H";

  private static final DateTimeFormatter HOUR_KEY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  @Inject MongoDatabase database;

  public Overview overview(Caller caller, Instant from, Instant to) {
    requireStaff(caller);
    MongoCollection<Document> chats = database.getCollection("chats");
    Bson created = and(gte("createdAt", Date.from(from)), lte("createdAt", Date.from(to)));
    Bson closedIn = and(gte("closedAt", Date.from(from)), lte("closedAt", Date.from(to)));
    Overview.Chats counts =
        new Overview.Chats(
            chats.countDocuments(eq("status", "pending")),
            chats.countDocuments(eq("status", "active")),
            chats.countDocuments(closedIn),
            chats.countDocuments(created));
    Document averages =
        chats
            .aggregate(
                List.of(
                    new Document("$match", created),
                    new Document(
                        "$group",
                        new Document("_id", null)
                            .append("firstResponse", new Document("$avg", "$firstResponseMillis"))
                            .append("resolution", new Document("$avg", "$resolutionMillis"))
                            .append("rating", new Document("$avg", "$rating.score")))))
            .first();
    long rated = chats.countDocuments(and(created, exists("rating.score")));
    return new Overview(
        new Overview.Period(from, to),
        counts,
        agents(),
        seconds(averages, "firstResponse"),
        seconds(averages, "resolution"),
        new Overview.Satisfaction(rated == 0 ? null : number(averages, "rating"), rated));
  }

  /**
   * The chats created from {@code from} to {@code to}, hour by hour: one entry for every hour the
   * period touches, oldest first, an hour without chats counting zero.
   */
  public List<HourlyActivity> hourly(Caller caller, Instant from, Instant to) {
    requireStaff(caller);
    Instant first = from.truncatedTo(ChronoUnit.HOURS);
    Map<String, Document> byHour = new HashMap<>();
    database
        .getCollection("chats")
        .aggregate(
            List.of(
                new Document(
                    "$match",
                    and(gte("createdAt", Date.from(from)), lte("createdAt", Date.from(to)))),
                new Document(
                    "$group",
                    new Document(
                            "_id",
                            new Document(
                                "$dateToString",
                                new Document("format", HOUR_FORMAT).append("date", "$createdAt")))
                        .append("started", new Document("$sum", 1))
                        .append("firstResponse", new Document("$avg", "$firstResponseMillis"))
                        .append("resolution", new Document("$avg", "$resolutionMillis")))))
        .forEach(group -> byHour.put(group.getString("_id"), group));
    List<HourlyActivity> day = new ArrayList<>();
    for (Instant hour = first; !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
      Document group = byHour.get(HOUR_KEY.format(hour));
      day.add(
          group == null
              ? new HourlyActivity(hour, 0, null, null)
              : new HourlyActivity(
                  hour,
                  ((Number) group.get("started")).longValue(),
                  seconds(group, "firstResponse"),
                  seconds(group, "resolution")));
    }
    return day;
  }

  /** How the chats created in the period were rated. */
  public RatingCounts ratings(Caller caller, Instant from, Instant to) {
    requireStaff(caller);
    long[] counts = new long[5];
    database
        .getCollection("chats")
        .aggregate(
            List.of(
                new Document(
                    "$match",
                    and(
                        gte("createdAt", Date.from(from)),
                        lte("createdAt", Date.from(to)),
                        exists("rating.score"))),
                new Document(
                    "$group",
                    new Document("_id", "$rating.score").append("count", new Document("$sum", 1)))))
        .forEach(
            group -> {
              int score = ((Number) group.get("_id")).intValue();
              if (score >= 1 && score <= 5) {
                counts[score - 1] = ((Number) group.get("count")).longValue();
              }
            });
    return new RatingCounts(Arrays.stream(counts).boxed().toList());
  }

  private Overview.Agents agents() {
    MongoCollection<Document> users = database.getCollection("users");
    Bson staff = and(in("role", "agent", "admin"), ne("disabled", true));
    long online = users.countDocuments(and(staff, eq("status", "online")));
    long away = users.countDocuments(and(staff, eq("status", "away")));
    long all = users.countDocuments(staff);
    return new Overview.Agents(online, away, all - online - away);
  }

  private static void requireStaff(Caller caller) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins see the desk's numbers.");
    }
  }

  private static Double seconds(Document averages, String field) {
    Double millis = number(averages, field);
    return millis == null ? null : millis / 1000.0;
  }

  private static Double number(Document averages, String field) {
    if (averages == null || !(averages.get(field) instanceof Number value)) {
      return null;
    }
    return value.doubleValue();
  }
}
