package org.concierge.chat.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.ClosedBy;
import org.concierge.chat.Message;
import org.concierge.chat.Party;
import org.concierge.chat.Priority;
import org.concierge.chat.Rating;
import org.concierge.chat.Transfer;
import org.concierge.platform.Store;

/**
 * The {@code chats} collection. Each change that can race is one conditional {@code
 * findOneAndUpdate} on the state it expects, answering empty when that state is gone, so two agents
 * can never both accept a chat and a closed chat never reopens.
 */
@ApplicationScoped
public class MongoChatRepository {

  private static final String COLLECTION = "chats";
  private static final FindOneAndUpdateOptions AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  @Inject MongoDatabase database;
  @Inject Store store;

  void createIndexes(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    store.secondaryIndex(
        collection(), Indexes.ascending("status", "priorityRank", "createdAt", "_id"));
    store.secondaryIndex(collection(), Indexes.ascending("traveler.id", "createdAt"));
    store.secondaryIndex(collection(), Indexes.ascending("agent.id", "status"));
    store.secondaryIndex(collection(), Indexes.ascending("createdAt"));
    store.secondaryIndex(collection(), Indexes.ascending("closedAt"));
  }

  /** A fresh id; ids sort in creation order, which breaks ties between equal times. */
  public String newId() {
    return new ObjectId().toHexString();
  }

  public void insert(Chat chat) {
    collection().insertOne(ChatCodec.toDocument(chat));
  }

  public Optional<Chat> find(String id) {
    return Optional.ofNullable(collection().find(eq("_id", id)).first())
        .map(ChatCodec::fromDocument);
  }

  public long countOpen(String travelerId) {
    return collection()
        .countDocuments(and(eq("traveler.id", travelerId), ne("status", ChatStatus.CLOSED.wire())));
  }

  /** Moves a stored message into the chat's counters; safe to apply out of order. */
  public void recordMessage(Chat before, Message message) {
    recordCounters(before.id(), message.seq(), message.sentAt());
    Chat after = before.withMessage(message);
    if (before.firstResponseAt() == null && after.firstResponseAt() != null) {
      collection()
          .updateOne(
              and(eq("_id", before.id()), exists("firstResponseAt", false)),
              Updates.combine(
                  Updates.set("firstResponseAt", ChatCodec.date(after.firstResponseAt())),
                  Updates.set(
                      "firstResponseMillis",
                      Duration.between(before.createdAt(), after.firstResponseAt()).toMillis())));
    }
  }

  /** Moves the chat's counters up to its message {@code seq}, sent {@code at}; never back. */
  public void recordCounters(String id, long seq, Instant at) {
    collection()
        .updateOne(
            eq("_id", id),
            Updates.combine(
                Updates.max("lastSeq", seq), Updates.max("lastMessageAt", ChatCodec.date(at))));
  }

  /** Every chat that is not closed. */
  public List<Chat> open() {
    // No limit: 0 is the driver's "all".
    return list(ne("status", ChatStatus.CLOSED.wire()), Sorts.ascending("_id"), 0);
  }

  /** pending → active with {@code agent}; empty when the chat was not pending. */
  public Optional<Chat> accept(String id, Party agent, Instant at) {
    return update(
        and(eq("_id", id), eq("status", ChatStatus.PENDING.wire())),
        Updates.combine(
            Updates.set("status", ChatStatus.ACTIVE.wire()),
            Updates.set("agent", ChatCodec.party(agent)),
            Updates.set("assignedAt", ChatCodec.date(at))));
  }

  /** Hands an active chat from its current agent to {@code to}; empty when that changed. */
  public Optional<Chat> transfer(String id, String fromAgentId, Party to, Transfer transfer) {
    return update(
        and(eq("_id", id), eq("status", ChatStatus.ACTIVE.wire()), eq("agent.id", fromAgentId)),
        Updates.combine(
            Updates.set("agent", ChatCodec.party(to)),
            Updates.push("transfers", ChatCodec.transfer(transfer))));
  }

  /** Sets the priority of an open chat whose priority is still {@code from}. */
  public Optional<Chat> changePriority(String id, Priority from, Priority to) {
    return update(
        and(eq("_id", id), ne("status", ChatStatus.CLOSED.wire()), eq("priority", from.wire())),
        priority(to));
  }

  /** Marks an open, unescalated chat of {@code agentId} escalated at priority {@code to}. */
  public Optional<Chat> escalate(String id, String agentId, Priority from, Priority to) {
    return update(
        and(
            eq("_id", id),
            ne("status", ChatStatus.CLOSED.wire()),
            eq("agent.id", agentId),
            eq("escalated", false),
            eq("priority", from.wire())),
        Updates.combine(Updates.set("escalated", true), priority(to)));
  }

  /** Closes a chat that is not closed yet. */
  public Optional<Chat> close(Chat chat, ClosedBy by, Instant at) {
    return update(
        and(eq("_id", chat.id()), ne("status", ChatStatus.CLOSED.wire())),
        Updates.combine(
            Updates.set("status", ChatStatus.CLOSED.wire()),
            Updates.set("closedAt", ChatCodec.date(at)),
            Updates.set("closedBy", new Document("id", by.id()).append("role", by.role())),
            Updates.set("resolutionMillis", Duration.between(chat.createdAt(), at).toMillis())));
  }

  /** Moves a member's read marker forward to {@code seq}; it never goes back. */
  public Optional<Chat> markRead(String id, String userId, long seq) {
    return update(eq("_id", id), Updates.max("readMarkers." + userId, seq));
  }

  /** Rates a closed chat that has no rating yet. */
  public Optional<Chat> rate(String id, Rating rating) {
    Document value = new Document("score", rating.score());
    if (rating.comment() != null) {
      value.append("comment", rating.comment());
    }
    return update(
        and(eq("_id", id), eq("status", ChatStatus.CLOSED.wire()), exists("rating", false)),
        Updates.set("rating", value));
  }

  /** Pending chats in queue order (urgent first, then oldest first), after a cursor position. */
  public List<Chat> queue(QueuePosition after, int limit) {
    Bson pending = eq("status", ChatStatus.PENDING.wire());
    Bson filter =
        after == null
            ? pending
            : and(
                pending,
                or(
                    gt("priorityRank", after.rank()),
                    and(eq("priorityRank", after.rank()), gt("createdAt", after.createdAt())),
                    and(
                        eq("priorityRank", after.rank()),
                        eq("createdAt", after.createdAt()),
                        gt("_id", after.id()))));
    return list(filter, Sorts.ascending("priorityRank", "createdAt", "_id"), limit);
  }

  /** A traveler's chats, newest first, after a cursor position. */
  public List<Chat> ofTraveler(String travelerId, TimePosition after, int limit) {
    Bson mine = eq("traveler.id", travelerId);
    Bson filter =
        after == null
            ? mine
            : and(
                mine,
                or(
                    lt("createdAt", after.at()),
                    and(eq("createdAt", after.at()), lt("_id", after.id()))));
    return list(filter, Sorts.descending("createdAt", "_id"), limit);
  }

  /** An agent's active chats, oldest first, after a cursor position. */
  public List<Chat> activeOf(String agentId, TimePosition after, int limit) {
    Bson theirs = and(eq("agent.id", agentId), eq("status", ChatStatus.ACTIVE.wire()));
    Bson filter =
        after == null
            ? theirs
            : and(
                theirs,
                or(
                    gt("createdAt", after.at()),
                    and(eq("createdAt", after.at()), gt("_id", after.id()))));
    return list(filter, Sorts.ascending("createdAt", "_id"), limit);
  }

  /**
   * The ids of the travelers who started a chat in {@code [from, to)}, counting only chats now in
   * {@code status} or of {@code priority} when those are given.
   */
  public Set<String> travelersWithChats(
      Instant from, Instant to, Optional<ChatStatus> status, Optional<Priority> priority) {
    List<Bson> conditions = new ArrayList<>();
    conditions.add(gte("createdAt", ChatCodec.date(from)));
    conditions.add(lt("createdAt", ChatCodec.date(to)));
    status.ifPresent(s -> conditions.add(eq("status", s.wire())));
    priority.ifPresent(p -> conditions.add(eq("priority", p.wire())));
    Set<String> travelers = new HashSet<>();
    collection()
        .find(and(conditions))
        .projection(Projections.include("traveler.id"))
        .forEach(chat -> travelers.add(chat.get("traveler", Document.class).getString("id")));
    return travelers;
  }

  /** How many active chats each agent serves now, by agent id. */
  public Map<String, Integer> activeCountsByAgent() {
    Map<String, Integer> counts = new HashMap<>();
    collection()
        .aggregate(
            List.of(
                Aggregates.match(eq("status", ChatStatus.ACTIVE.wire())),
                Aggregates.group("$agent.id", Accumulators.sum("count", 1))))
        .forEach(doc -> counts.put(doc.getString("_id"), ((Number) doc.get("count")).intValue()));
    return counts;
  }

  private static Bson priority(Priority to) {
    return Updates.combine(
        Updates.set("priority", to.wire()), Updates.set("priorityRank", to.queueRank()));
  }

  private Optional<Chat> update(Bson filter, Bson update) {
    return Optional.ofNullable(collection().findOneAndUpdate(filter, update, AFTER))
        .map(ChatCodec::fromDocument);
  }

  private List<Chat> list(Bson filter, Bson sort, int limit) {
    List<Chat> chats = new ArrayList<>();
    collection()
        .find(filter)
        .sort(sort)
        .limit(limit)
        .forEach(doc -> chats.add(ChatCodec.fromDocument(doc)));
    return chats;
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
