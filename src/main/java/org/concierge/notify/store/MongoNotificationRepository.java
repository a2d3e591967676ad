package org.concierge.notify.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Notification;
import org.concierge.notify.OutboxAlarm;
import org.concierge.notify.SealedData;
import org.concierge.platform.MongoErrors;
import org.concierge.platform.Store;

/**
 * The {@code notifications} collection, the outbox. A claim is one {@code findOneAndUpdate} from a
 * due state to {@code sending} with a lease, so two workers never hold one notification, and a
 * worker that died mid-send lets it go when its lease ends. Every later change is conditional on
 * the claim it finishes (state and attempt number), so a worker whose lease ran out cannot
 * overwrite the outcome of the one that took over.
 */
@ApplicationScoped
public class MongoNotificationRepository {

  private static final String COLLECTION = "notifications";
  private static final FindOneAndUpdateOptions CLAIM =
      new FindOneAndUpdateOptions()
          .returnDocument(ReturnDocument.AFTER)
          .sort(Sorts.ascending("paced", "nextAttemptAt"));
  private static final FindOneAndUpdateOptions AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  @Inject MongoDatabase database;
  @Inject Store store;
  @Inject MongoDeliveryReportRepository earlyReports;
  @Inject OutboxAlarm alarm;

  void createIndexes(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    collection()
        .createIndex(
            Indexes.ascending("dedupeKey"), new IndexOptions().name("dedupe_unique").unique(true));
    store.secondaryIndex(collection(), Indexes.ascending("state", "nextAttemptAt"));
    store.secondaryIndex(collection(), Indexes.descending("createdAt"));
    store.secondaryIndex(collection(), Indexes.ascending("reference"));
    store.secondaryIndex(collection(), Indexes.ascending("data." + Notification.BROADCAST_ID));
  }

  public String newId() {
    return new ObjectId().toHexString();
  }

  /** Stores a new notification; false when one with its dedupe key already exists. */
  public boolean insert(Notification notification) {
    try {
      collection().insertOne(NotificationCodec.toDocument(notification));
      alarm.expect(notification.nextAttemptAt());
      return true;
    } catch (RuntimeException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Every notification about one chat, oldest first. */
  public List<Notification> ofRoom(String roomId) {
    return collection()
        .find(eq("roomId", roomId))
        .sort(Sorts.ascending("createdAt", "_id"))
        .map(NotificationCodec::fromDocument)
        .into(new ArrayList<>());
  }

  /**
   * Stores new notifications in one write; those whose dedupe key already exists are left out and
   * the others stored all the same.
   */
  public void insertAll(List<Notification> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      collection()
          .insertMany(
              batch.stream().map(NotificationCodec::toDocument).toList(),
              new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      boolean onlyRepeats =
          e.getWriteErrors().stream()
              .allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
      if (!onlyRepeats) {
        throw e;
      }
    }
    // A repeat that was not stored only costs the worker a look.
    batch.forEach(n -> alarm.expect(n.nextAttemptAt()));
  }

  /** How many notifications of one broadcast are in each state. */
  public Map<DeliveryState, Long> statesOfBroadcast(String broadcastId) {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    collection()
        .aggregate(
            List.of(
                Aggregates.match(eq("data." + Notification.BROADCAST_ID, broadcastId)),
                Aggregates.group("$state", Accumulators.sum("count", 1))))
        .forEach(
            group ->
                counts.put(
                    DeliveryState.fromWire(group.getString("_id")),
                    ((Number) group.get("count")).longValue()));
    return counts;
  }

  /** The due times of the paced notifications waiting for a slot in {@code (after, until]}. */
  public List<Instant> pacedDueBetween(Instant after, Instant until) {
    List<Instant> due = new ArrayList<>();
    collection()
        .find(
            and(
                eq("paced", true),
                eq("state", DeliveryState.PENDING.wire()),
                gt("nextAttemptAt", NotificationCodec.date(after)),
                lte("nextAttemptAt", NotificationCodec.date(until))))
        .projection(Projections.include("nextAttemptAt"))
        .forEach(found -> due.add(found.getDate("nextAttemptAt").toInstant()));
    return due;
  }

  public Optional<Notification> find(String id) {
    return Optional.ofNullable(collection().find(eq("_id", id)).first())
        .map(NotificationCodec::fromDocument);
  }

  /** The notification that tells the fact {@code dedupeKey} names. */
  public Optional<Notification> findByDedupeKey(String dedupeKey) {
    return Optional.ofNullable(collection().find(eq("dedupeKey", dedupeKey)).first())
        .map(NotificationCodec::fromDocument);
  }

  /**
   * Moves a notification that has not gone out (waiting, failed, not configured, dead, skipped or
   * cancelled; not being sent this moment) to {@code due}, with new data and address and a fresh
   * count of tries.
   *
   * @return the notification as stored afterwards; empty when it is being sent or was sent
   */
  public Optional<Notification> reschedule(
      String dedupeKey, String address, Map<String, String> data, Instant due) {
    Document newData = new Document();
    data.forEach(newData::append);
    Optional<Notification> moved =
        Optional.ofNullable(
                collection()
                    .findOneAndUpdate(
                        and(eq("dedupeKey", dedupeKey), in("state", unsent())),
                        Updates.combine(
                            Updates.set("state", DeliveryState.PENDING.wire()),
                            Updates.set("address", address),
                            Updates.set("data", newData),
                            Updates.set("attempts", 0),
                            Updates.set("nextAttemptAt", NotificationCodec.date(due)),
                            Updates.unset("lastError")),
                        AFTER))
            .map(NotificationCodec::fromDocument);
    moved.ifPresent(n -> alarm.expect(due));
    return moved;
  }

  /**
   * Calls off a notification that has not gone out, with the reason; one that is cancelled already
   * stays so.
   *
   * @return the notification as stored afterwards; empty when it is being sent or was sent
   */
  public Optional<Notification> cancel(String dedupeKey, String reason) {
    return Optional.ofNullable(
            collection()
                .findOneAndUpdate(
                    and(eq("dedupeKey", dedupeKey), in("state", unsent())),
                    Updates.combine(
                        Updates.set("state", DeliveryState.CANCELLED.wire()),
                        Updates.set("lastError", reason)),
                    AFTER))
        .map(NotificationCodec::fromDocument);
  }

  private static List<String> unsent() {
    return List.of(
        DeliveryState.PENDING.wire(),
        DeliveryState.FAILED.wire(),
        DeliveryState.NOT_CONFIGURED.wire(),
        DeliveryState.DEAD.wire(),
        DeliveryState.SKIPPED.wire(),
        DeliveryState.CANCELLED.wire());
  }

  /**
   * Takes the most overdue notification that is due at {@code now}, or whose last claim expired,
   * counting the try and leasing it until {@code leaseUntil}. Paced notifications come after all
   * others, and none of the lanes in {@code fullLanes} is taken.
   */
  public Optional<Notification> claimDue(Instant now, Instant leaseUntil, Set<String> fullLanes) {
    Bson ready =
        or(
            and(
                in("state", DeliveryState.PENDING.wire(), DeliveryState.FAILED.wire()),
                lte("nextAttemptAt", NotificationCodec.date(now))),
            and(
                eq("state", DeliveryState.SENDING.wire()),
                lte("leaseUntil", NotificationCodec.date(now))));
    Bson due = fullLanes.isEmpty() ? ready : and(ready, nin("lane", fullLanes));
    Optional<Notification> claimed =
        Optional.ofNullable(
                collection()
                    .findOneAndUpdate(
                        due,
                        Updates.combine(
                            Updates.set("state", DeliveryState.SENDING.wire()),
                            Updates.set("leaseUntil", NotificationCodec.date(leaseUntil)),
                            Updates.inc("attempts", 1)),
                        CLAIM))
            .map(NotificationCodec::fromDocument);
    // A claim whose send never finished is due again when its lease ends.
    claimed.ifPresent(c -> alarm.expect(leaseUntil));
    return claimed;
  }

  /** When the next notification waiting to be sent or tried again falls due. */
  public Optional<Instant> nextDue() {
    return Optional.ofNullable(
            collection()
                .find(in("state", DeliveryState.PENDING.wire(), DeliveryState.FAILED.wire()))
                .sort(Sorts.ascending("nextAttemptAt"))
                .projection(Projections.include("nextAttemptAt"))
                .first())
        .map(d -> d.getDate("nextAttemptAt").toInstant());
  }

  /**
   * Records a handed-over notification, with the provider's id for it when it gave one, and then
   * the provider's delivery report if that came first.
   */
  public void markSent(Notification claimed, Instant at, Optional<String> reference) {
    finish(
        claimed,
        DeliveryState.SENT,
        Updates.set("state", DeliveryState.SENT.wire()),
        Updates.set("sentAt", NotificationCodec.date(at)),
        Updates.set("reference", reference.orElse(null)),
        Updates.unset("leaseUntil"));
    reference.flatMap(earlyReports::take).ifPresent(r -> applyReport(reference.get(), r));
  }

  /**
   * Records what the provider reported of a sent message, found by its id for it: delivered, or not
   * delivered for {@code reason}. Only a notification that is {@code sent} takes a report, so a
   * late or repeated report never moves one backwards. A report about a send not recorded yet is
   * kept until it is.
   */
  public void markReported(String reference, DeliveryState state, String reason) {
    MongoDeliveryReportRepository.Report report =
        new MongoDeliveryReportRepository.Report(state, reason);
    if (applyReport(reference, report)
        || collection().countDocuments(eq("reference", reference)) > 0) {
      return;
    }
    earlyReports.save(reference, report);
    // The send may have been recorded between the look and the save: then it is applied here.
    if (applyReport(reference, report)) {
      earlyReports.remove(reference);
    }
  }

  public void markSkipped(Notification claimed, String reason) {
    finish(
        claimed,
        DeliveryState.SKIPPED,
        Updates.set("state", DeliveryState.SKIPPED.wire()),
        Updates.set("lastError", reason),
        Updates.unset("leaseUntil"));
  }

  /**
   * Records a failed try: {@code state} is failed (with its retry time), dead or not configured.
   */
  public void markFailed(
      Notification claimed, DeliveryState state, String error, Instant nextAttemptAt) {
    if (state == DeliveryState.FAILED) {
      alarm.expect(nextAttemptAt);
    }
    finish(
        claimed,
        state,
        Updates.set("state", state.wire()),
        Updates.set("lastError", error),
        Updates.set("nextAttemptAt", NotificationCodec.date(nextAttemptAt)),
        Updates.unset("leaseUntil"));
  }

  private boolean applyReport(String reference, MongoDeliveryReportRepository.Report report) {
    return collection()
            .updateOne(
                and(eq("reference", reference), eq("state", DeliveryState.SENT.wire())),
                Updates.combine(
                    Updates.set("state", report.state().wire()),
                    Updates.set("lastError", report.reason())))
            .getModifiedCount()
        == 1;
  }

  /**
   * Makes a failed, dead or not configured notification due again with a fresh count of tries;
   * false when it is in none of those states.
   */
  public boolean retry(String id, Instant now) {
    List<String> retryable = new ArrayList<>();
    for (DeliveryState state : DeliveryState.values()) {
      if (state.retryable()) {
        retryable.add(state.wire());
      }
    }
    boolean retried =
        collection()
                .updateOne(
                    and(eq("_id", id), in("state", retryable)),
                    Updates.combine(
                        Updates.set("state", DeliveryState.PENDING.wire()),
                        Updates.set("attempts", 0),
                        Updates.set("nextAttemptAt", NotificationCodec.date(now))))
                .getModifiedCount()
            == 1;
    if (retried) {
      alarm.expect(now);
    }
    return retried;
  }

  /**
   * The newest first, {@code first} and on, optionally only those in {@code state} or to {@code
   * address}.
   */
  public List<Notification> page(
      Optional<DeliveryState> state, Optional<String> address, int first, int size) {
    return collection()
        .find(filter(state, address))
        .sort(Sorts.descending("createdAt", "_id"))
        .skip(first)
        .limit(size)
        .map(NotificationCodec::fromDocument)
        .into(new ArrayList<>());
  }

  public long count(Optional<DeliveryState> state, Optional<String> address) {
    return collection().countDocuments(filter(state, address));
  }

  private static Bson filter(Optional<DeliveryState> state, Optional<String> address) {
    List<Bson> conditions = new ArrayList<>();
    state.ifPresent(s -> conditions.add(eq("state", s.wire())));
    address.ifPresent(a -> conditions.add(eq("address", a)));
    return conditions.isEmpty() ? new Document() : and(conditions);
  }

  /**
   * Records the outcome of a claim. Unless a retry is coming, the notification's sealed values are
   * erased with it: nothing will need them again.
   */
  private void finish(Notification claimed, DeliveryState outcome, Bson... changes) {
    List<Bson> update = new ArrayList<>(List.of(changes));
    if (outcome != DeliveryState.FAILED) {
      update.addAll(erasingSealed(claimed));
    }
    collection()
        .updateOne(
            and(
                eq("_id", claimed.id()),
                eq("state", DeliveryState.SENDING.wire()),
                eq("attempts", claimed.attempts())),
            Updates.combine(update));
  }

  private static List<Bson> erasingSealed(Notification notification) {
    return SealedData.sealedKeys(notification).stream()
        .map(name -> Updates.set("data." + name, SealedData.erased()))
        .toList();
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
