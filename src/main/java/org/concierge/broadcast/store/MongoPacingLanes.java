package org.concierge.broadcast.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.concierge.platform.MongoErrors;

/**
 * The {@code pacing_lanes} collection: for each lane (the email channel, or one SMS sender number)
 * the instant from which its time is free, as epoch milliseconds. Every node of a cluster reserves
 * from the same document, so broadcasts written at once, on any nodes, never share a slot.
 */
@ApplicationScoped
public class MongoPacingLanes {

  private static final String COLLECTION = "pacing_lanes";
  private static final String NEXT_FREE = "nextFree";
  private static final FindOneAndUpdateOptions BEFORE =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);

  @Inject MongoDatabase database;

  /**
   * Reserves {@code span} of a lane's time, starting when the lane is free but not before {@code
   * earliest}, and answers the start. Two atomic updates, no transaction: the first moves the free
   * instant up to {@code earliest} (never back), the second takes the span from wherever it is
   * then, so callers racing between the two still each get a stretch of their own.
   */
  public Instant reserve(String lane, Instant earliest, Duration span) {
    catchUp(lane, earliest);
    Document before =
        collection()
            .findOneAndUpdate(eq("_id", lane), Updates.inc(NEXT_FREE, span.toMillis()), BEFORE);
    return Instant.ofEpochMilli(((Number) before.get(NEXT_FREE)).longValue());
  }

  private void catchUp(String lane, Instant earliest) {
    try {
      raise(lane, earliest);
    } catch (RuntimeException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw e;
      }
      // Another node created the lane at the same moment; now it exists, and the update applies.
      raise(lane, earliest);
    }
  }

  private void raise(String lane, Instant earliest) {
    collection()
        .updateOne(
            eq("_id", lane),
            Updates.max(NEXT_FREE, earliest.toEpochMilli()),
            new UpdateOptions().upsert(true));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
