package org.concierge.notify.push.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.concierge.notify.push.PushSubscription;
import org.concierge.platform.MongoErrors;
import org.concierge.platform.Store;

/**
 * The {@code push_subscriptions} collection: one document per browser endpoint, unique, so a
 * browser that subscribes again (new keys, or another person signed in on it) updates the one it
 * had.
 */
@ApplicationScoped
public class MongoPushSubscriptionRepository {

  private static final String COLLECTION = "push_subscriptions";
  private static final FindOneAndUpdateOptions UPSERT =
      new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

  @Inject MongoDatabase database;
  @Inject Store store;

  void createIndexes(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    collection()
        .createIndex(
            Indexes.ascending("endpoint"), new IndexOptions().name("endpoint_unique").unique(true));
    store.secondaryIndex(collection(), Indexes.ascending("userId"));
  }

  /** Stores the subscription of {@code endpoint} for {@code userId}, new or replacing the last. */
  public PushSubscription save(
      String userId, String endpoint, String p256dh, String auth, Instant now) {
    try {
      return upsert(userId, endpoint, p256dh, auth, now);
    } catch (RuntimeException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw e;
      }
      // Two saves of one endpoint raced to insert it: the other is stored now, so this one updates.
      return upsert(userId, endpoint, p256dh, auth, now);
    }
  }

  private PushSubscription upsert(
      String userId, String endpoint, String p256dh, String auth, Instant now) {
    Document saved =
        collection()
            .findOneAndUpdate(
                eq("endpoint", endpoint),
                Updates.combine(
                    Updates.set("userId", userId),
                    Updates.set("p256dh", p256dh),
                    Updates.set("auth", auth),
                    Updates.set("updatedAt", Date.from(now)),
                    Updates.setOnInsert("createdAt", Date.from(now))),
                UPSERT);
    return subscription(saved);
  }

  public Optional<PushSubscription> find(String id) {
    if (!ObjectId.isValid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(collection().find(eq("_id", new ObjectId(id))).first())
        .map(MongoPushSubscriptionRepository::subscription);
  }

  /** The subscriptions of these users. */
  public List<PushSubscription> ofUsers(Collection<String> userIds) {
    return collection()
        .find(in("userId", userIds))
        .map(MongoPushSubscriptionRepository::subscription)
        .into(new ArrayList<>());
  }

  /** The user's subscriptions, newest first. */
  public List<PushSubscription> ofUser(String userId) {
    return collection()
        .find(eq("userId", userId))
        .sort(Sorts.descending("updatedAt", "_id"))
        .map(MongoPushSubscriptionRepository::subscription)
        .into(new ArrayList<>());
  }

  /** Removes the user's subscription of this endpoint; false when they had none. */
  public boolean delete(String userId, String endpoint) {
    return collection()
            .deleteOne(and(eq("userId", userId), eq("endpoint", endpoint)))
            .getDeletedCount()
        == 1;
  }

  public void delete(String id) {
    if (ObjectId.isValid(id)) {
      collection().deleteOne(eq("_id", new ObjectId(id)));
    }
  }

  private static PushSubscription subscription(Document d) {
    return new PushSubscription(
        d.getObjectId("_id").toHexString(),
        d.getString("userId"),
        d.getString("endpoint"),
        d.getString("p256dh"),
        d.getString("auth"),
        d.getDate("createdAt").toInstant(),
        d.getDate("updatedAt").toInstant());
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
