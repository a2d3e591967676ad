package org.concierge.chat.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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

/**
 * The {@code messages} collection: one document per message. The unique index on {@code (roomId,
 * seq)} turns two writers taking the same seq into a refusal for one of them, and the one on {@code
 * (roomId, clientId)} makes a resent message a no-op; together they keep seq gap-free and messages
 * unique across threads and nodes without transactions.
 */
@ApplicationScoped
public class MongoMessageRepository {

  private static final String COLLECTION = "messages";

  @Inject MongoDatabase database;

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
    collection()
        .createIndex(
            Indexes.ascending("roomId", "seq"), new IndexOptions().name("room_seq").unique(true));
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

  /** The highest seq stored in a room, 0 when it has none. */
  public long highestSeq(String roomId) {
    return newest(roomId).map(Message::seq).orElse(0L);
  }

  /** The message of a room with the highest seq. */
  public Optional<Message> newest(String roomId) {
    return Optional.ofNullable(
            collection().find(Filters.eq("roomId", roomId)).sort(Sorts.descending("seq")).first())
        .map(MessageCodec::fromDocument);
  }

  /**
   * Messages {@code after + 1} up to {@code upTo} of a room, ascending. Seq being gap-free, they
   * are fetched by exact keys, which stays fast as a room grows where a range scan would not.
   */
  public List<Message> range(String roomId, long after, long upTo) {
    if (upTo <= after) {
      return List.of();
    }
    List<Long> seqs = LongStream.rangeClosed(after + 1, upTo).boxed().toList();
    List<Message> found = new ArrayList<>();
    collection()
        .find(Filters.and(Filters.eq("roomId", roomId), Filters.in("seq", seqs)))
        .forEach(doc -> found.add(MessageCodec.fromDocument(doc)));
    found.sort(Comparator.comparingLong(Message::seq));
    return found;
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
