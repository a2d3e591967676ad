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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.concierge.identity.Caller;
import org.concierge.platform.Forbidden;

/**
 * Computes the overview from the store on each request, so it includes every change acknowledged
 * before it. Durations are averaged from the millisecond figures the chat store keeps on each chat
 * ({@code firstResponseMillis}, {@code resolutionMillis}).
 */
@ApplicationScoped
public class AnalyticsService {

  @Inject MongoDatabase database;

  public Overview overview(Caller caller, Instant from, Instant to) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins see the desk's numbers.");
    }
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

  private Overview.Agents agents() {
    MongoCollection<Document> users = database.getCollection("users");
    Bson staff = and(in("role", "agent", "admin"), ne("disabled", true));
    long online = users.countDocuments(and(staff, eq("status", "online")));
    long away = users.countDocuments(and(staff, eq("status", "away")));
    long all = users.countDocuments(staff);
    return new Overview.Agents(online, away, all - online - away);
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
