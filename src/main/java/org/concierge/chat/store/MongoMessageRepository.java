package org.concierge.chat.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;
import org.concierge.chat.Message;
import org.concierge.platform.MongoErrors;
import org.concierge.platform.Store;

/**
 * The {@code messages} collection: one document per message, whose id is its room and seq. That id
 * turns two writers taking the same seq into a refusal for one of them, and the unique index on
 * {@code (roomId, clientId)} makes a resent message a no-op; together they keep seq gap-free and
 * messages unique across threads and nodes without transactions. Seq being gap-free, a room's
 * messages are found by their ids, through the one index every store keeps and uses for {@code
 * $in}; the embedded store can use no other index for that.
 */
@ApplicationScoped
public class MongoMessageRepository {

  private static final String COLLECTION = "messages";
  private static final String FORMER_SEQ_INDEX = "room_seq";

  /** How many ids one look for newer messages asks for. */
  private static final int PROBE = 64;

  @Inject MongoDatabase database;
  @Inject Store store;

  /** What became of an insert. */
  public sealed interface Insert {
    /** Stored. */
    record Stored(Message message) implements Insert {}

    /** A message with this clientId was already in the room; nothing was stored. */
    record Repeated(Message first) implements Insert {}

    /** Another writer took this seq first; nothing was stored. */
    record SeqTaken() implements Insert {}
  }

  void createIndexes(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    dropFormerSeqIndex();
    // One field holding room and clientId, indexed sparse: messages without a clientId (system
    // messages) lack it and never collide, on a real MongoDB and on the embedded store alike.
    collection()
        .createIndex(
            Indexes.ascending(MessageCodec.ROOM_CLIENT_ID),
            new IndexOptions().name("room_client").unique(true).sparse(true));
  }

  public Insert insert(Message message) {
    try {
      collection().insertOne(MessageCodec.toDocument(message));
      return new Insert.Stored(message);
    } catch (RuntimeException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw e;
      }
      if (message.clientId() != null) {
        Optional<Message> first = findByClientId(message.roomId(), message.clientId());
        if (first.isPresent()) {
          return new Insert.Repeated(first.get());
        }
      }
      return new Insert.SeqTaken();
    }
  }

  public Optional<Message> findByClientId(String roomId, String clientId) {
    return Optional.ofNullable(
            collection()
                .find(
                    Filters.eq(
                        MessageCodec.ROOM_CLIENT_ID, MessageCodec.roomClientId(roomId, clientId)))
                .first())
        .map(MessageCodec::fromDocument);
  }

  /** The id of a room's message {@code seq}. */
  public static String id(String roomId, long seq) {
    return roomId + "-" + seq;
  }

  /**
   * The newest message of a room, looked for after {@code known}, a seq the room is known to have
   * reached; empty when no message follows it.
   */
  public Optional<Message> newestAfter(String roomId, long known) {
    Optional<Message> newest = Optional.empty();
    long after = known;
    List<Message> page;
    do {
      page = range(roomId, after, after + PROBE);
      if (!page.isEmpty()) {
        newest = Optional.of(page.get(page.size() - 1));
        after = newest.get().seq();
      }
    } while (page.size() == PROBE);
    return newest;
  }

  /** Messages {@code after + 1} up to {@code upTo} of a room, ascending, fetched by their ids. */
  public List<Message> range(String roomId, long after, long upTo) {
    if (upTo <= after) {
      return List.of();
    }
    List<String> ids =
        LongStream.rangeClosed(after + 1, upTo).mapToObj(seq -> id(roomId, seq)).toList();
    List<Message> found = new ArrayList<>();
    collection()
        .find(Filters.in("_id", ids))
        .forEach(doc -> found.add(MessageCodec.fromDocument(doc)));
    found.sort(Comparator.comparingLong(Message::seq));
    return found;
  }

  /**
   * Stores made before messages were identified by room and seq have a unique index on the pair;
   * the ids now do its work, and on the embedded store every index costs each insert.
   */
  private void dropFormerSeqIndex() {
    for (Document index : collection().listIndexes()) {
      if (FORMER_SEQ_INDEX.equals(index.getString("name"))) {
        collection().dropIndex(FORMER_SEQ_INDEX);
      }
    }
    store.secondaryIndex(collection(), Indexes.ascending("roomId", "seq"));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
