package org.concierge.chat.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.concierge.platform.MongoErrors;

/**
 * Gives the messages of a store written before messages were identified by room and seq their new
 * id, once per store, at the first start that finds them. Each message moves in three steps that
 * can be repeated after a crash at any point without losing it: its old document gives up the
 * clientId key (so the copy may take it), the copy is inserted, the old document is deleted.
 */
@ApplicationScoped
public class MessageIdUpgrade {

  static final String NAME = "message-ids-by-room-and-seq";
  private static final Logger LOG = Logger.getLogger(MessageIdUpgrade.class.getName());

  @Inject MongoDatabase database;

  void upgrade(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    MongoCollection<Document> upgrades = database.getCollection("upgrades");
    if (upgrades.find(eq("_id", NAME)).first() != null) {
      return;
    }
    MongoCollection<Document> messages = database.getCollection("messages");
    List<Document> former = new ArrayList<>();
    for (Document message : messages.find()) {
      if (!message.get("_id").equals(newId(message))) {
        former.add(message);
      }
    }
    former.forEach(message -> move(messages, message));
    if (!former.isEmpty()) {
      LOG.info(() -> "Gave " + former.size() + " stored messages their room-and-seq ids");
    }
    upgrades.insertOne(new Document("_id", NAME).append("at", new Date()));
  }

  private static void move(MongoCollection<Document> messages, Document message) {
    Object formerId = message.get("_id");
    messages.updateOne(eq("_id", formerId), Updates.unset(MessageCodec.ROOM_CLIENT_ID));
    Document moved = new Document(message).append("_id", newId(message));
    if (message.getString("clientId") != null) {
      moved.append(
          MessageCodec.ROOM_CLIENT_ID,
          MessageCodec.roomClientId(message.getString("roomId"), message.getString("clientId")));
    }
    try {
      messages.insertOne(moved);
    } catch (RuntimeException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw e;
      }
    }
    messages.deleteOne(eq("_id", formerId));
  }

  private static String newId(Document message) {
    return MongoMessageRepository.id(
        message.getString("roomId"), ((Number) message.get("seq")).longValue());
  }
}
