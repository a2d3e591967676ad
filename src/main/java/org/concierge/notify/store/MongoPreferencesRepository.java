package org.concierge.notify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;
import org.concierge.notify.Channel;
import org.concierge.notify.NotificationPreferences;

/**
 * The {@code notification_preferences} collection: one document per person who changed theirs,
 * keyed by user id; no document means the defaults.
 */
@ApplicationScoped
public class MongoPreferencesRepository {

  private static final String COLLECTION = "notification_preferences";

  @Inject MongoDatabase database;

  public NotificationPreferences of(String userId) {
    Document found = collection().find(eq("_id", userId)).first();
    if (found == null) {
      return NotificationPreferences.DEFAULT;
    }
    return new NotificationPreferences(
        found.getBoolean("email", true),
        found.getBoolean("sms", true),
        found.getBoolean("push", true));
  }

  /** Those of {@code userIds} who turned {@code channel} off. */
  public Set<String> refusing(Channel channel, Collection<String> userIds) {
    Set<String> refusing = new HashSet<>();
    collection()
        .find(and(in("_id", userIds), eq(channel.name().toLowerCase(Locale.ROOT), false)))
        .projection(Projections.include("_id"))
        .forEach(found -> refusing.add(found.getString("_id")));
    return refusing;
  }

  public void save(String userId, NotificationPreferences preferences) {
    collection()
        .replaceOne(
            eq("_id", userId),
            new Document("_id", userId)
                .append("email", preferences.email())
                .append("sms", preferences.sms())
                .append("push", preferences.push()),
            new ReplaceOptions().upsert(true));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
