package org.concierge.chat.store;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.ClosedBy;
import org.concierge.chat.Party;
import org.concierge.chat.Priority;
import org.concierge.chat.Rating;
import org.concierge.chat.Transfer;

/** Chats to and from their stored documents. */
final class ChatCodec {

  private ChatCodec() {}

  static Document toDocument(Chat chat) {
    Document doc =
        new Document("_id", chat.id())
            .append("status", chat.status().wire())
            .append("priority", chat.priority().wire())
            .append("priorityRank", chat.priority().queueRank())
            .append("escalated", chat.escalated())
            .append("traveler", party(chat.traveler()))
            .append("agent", chat.agent() == null ? null : party(chat.agent()))
            .append("createdAt", date(chat.createdAt()))
            .append("transfers", chat.transfers().stream().map(ChatCodec::transfer).toList())
            .append("lastSeq", chat.lastSeq());
    putIfPresent(doc, "subject", chat.subject());
    putIfPresent(doc, "department", chat.department());
    return doc;
  }

  static Chat fromDocument(Document doc) {
    List<Document> transfers = doc.getList("transfers", Document.class, List.of());
    Document closedBy = doc.get("closedBy", Document.class);
    Document rating = doc.get("rating", Document.class);
    return new Chat(
        doc.getString("_id"),
        ChatStatus.fromWire(doc.getString("status")),
        Priority.fromWire(doc.getString("priority")),
        doc.getString("subject"),
        doc.getString("department"),
        doc.getBoolean("escalated", false),
        party(doc.get("traveler", Document.class)),
        party(doc.get("agent", Document.class)),
        instant(doc.getDate("createdAt")),
        instant(doc.getDate("assignedAt")),
        instant(doc.getDate("firstResponseAt")),
        instant(doc.getDate("closedAt")),
        closedBy == null
            ? null
            : new ClosedBy(closedBy.getString("id"), closedBy.getString("role")),
        transfers.stream().map(ChatCodec::transfer).toList(),
        instant(doc.getDate("lastMessageAt")),
        ((Number) doc.get("lastSeq", 0L)).longValue(),
        rating == null ? null : new Rating(rating.getInteger("score"), rating.getString("comment")),
        readMarkers(doc.get("readMarkers", Document.class)));
  }

  private static Map<String, Long> readMarkers(Document doc) {
    Map<String, Long> markers = new HashMap<>();
    if (doc != null) {
      doc.forEach((userId, seq) -> markers.put(userId, ((Number) seq).longValue()));
    }
    return markers;
  }

  static Document party(Party party) {
    return new Document("id", party.id()).append("name", party.name());
  }

  static Document transfer(Transfer transfer) {
    Document doc =
        new Document("fromAgentId", transfer.fromAgentId())
            .append("toAgentId", transfer.toAgentId())
            .append("at", date(transfer.at()));
    putIfPresent(doc, "note", transfer.note());
    return doc;
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Party party(Document doc) {
    return doc == null ? null : new Party(doc.getString("id"), doc.getString("name"));
  }

  private static Transfer transfer(Document doc) {
    return new Transfer(
        doc.getString("fromAgentId"),
        doc.getString("toAgentId"),
        doc.getString("note"),
        instant(doc.getDate("at")));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static void putIfPresent(Document doc, String key, Object value) {
    if (value != null) {
      doc.append(key, value);
    }
  }
}
