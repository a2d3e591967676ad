package org.concierge.broadcast.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.concierge.broadcast.Audience;
import org.concierge.broadcast.Broadcast;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Party;
import org.concierge.chat.Priority;
import org.concierge.notify.Channel;

/** The {@code broadcasts} collection: what each broadcast said and to whom. */
@ApplicationScoped
public class MongoBroadcastRepository {

  private static final String COLLECTION = "broadcasts";

  @Inject MongoDatabase database;

  /** A fresh id; ids sort in creation order, which the list relies on. */
  public String newId() {
    return new ObjectId().toHexString();
  }

  public void insert(Broadcast broadcast) {
    collection().insertOne(toDocument(broadcast));
  }

  public Optional<Broadcast> find(String id) {
    return Optional.ofNullable(collection().find(eq("_id", id)).first())
        .map(MongoBroadcastRepository::fromDocument);
  }

  /** The newest first, before {@code beforeId} when given. */
  public List<Broadcast> newest(Optional<String> beforeId, int limit) {
    return collection()
        .find(beforeId.map(id -> lt("_id", id)).orElse(new Document()))
        .sort(Sorts.descending("_id"))
        .limit(limit)
        .map(MongoBroadcastRepository::fromDocument)
        .into(new ArrayList<>());
  }

  private static Document toDocument(Broadcast b) {
    Audience audience = b.audience();
    return new Document("_id", b.id())
        .append("channel", b.channel().name().toLowerCase(Locale.ROOT))
        .append("audience", audience.group().wire())
        .append("from", date(audience.from()))
        .append("to", date(audience.to()))
        .append("status", audience.status() == null ? null : audience.status().wire())
        .append("priority", audience.priority() == null ? null : audience.priority().wire())
        .append("subject", b.subject())
        .append("text", b.text())
        .append("recipients", b.recipients())
        .append(
            "createdBy",
            new Document("id", b.createdBy().id()).append("name", b.createdBy().name()))
        .append("createdAt", date(b.createdAt()))
        .append("firstDueAt", date(b.firstDueAt()))
        .append("lastDueAt", date(b.lastDueAt()));
  }

  private static Broadcast fromDocument(Document d) {
    String status = d.getString("status");
    String priority = d.getString("priority");
    Audience audience =
        new Audience(
            Audience.Group.fromWire(d.getString("audience")),
            instant(d.getDate("from")),
            instant(d.getDate("to")),
            status == null ? null : ChatStatus.fromWire(status),
            priority == null ? null : Priority.fromWire(priority));
    Document by = d.get("createdBy", Document.class);
    return new Broadcast(
        d.getString("_id"),
        Channel.valueOf(d.getString("channel").toUpperCase(Locale.ROOT)),
        audience,
        d.getString("subject"),
        d.getString("text"),
        d.getInteger("recipients", 0),
        new Party(by.getString("id"), by.getString("name")),
        instant(d.getDate("createdAt")),
        instant(d.getDate("firstDueAt")),
        instant(d.getDate("lastDueAt")));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
