package org.concierge.chat.store;

import org.bson.Document;
import org.concierge.chat.Message;
import org.concierge.chat.MessageType;
import org.concierge.chat.Sender;

/** Messages to and from their stored documents. */
final class MessageCodec {

  /** Room and clientId in one field, which the unique sparse index is on. */
  static final String ROOM_CLIENT_ID = "roomClientId";

  private MessageCodec() {}

  static String roomClientId(String roomId, String clientId) {
    return roomId + "/" + clientId;
  }

  static Document toDocument(Message message) {
    Document doc =
        new Document("_id", message.id())
            .append("roomId", message.roomId())
            .append("seq", message.seq())
            .append("type", message.type().wire())
            .append(
                "sender",
                new Document("id", message.sender().id())
                    .append("name", message.sender().name())
                    .append("role", message.sender().role()))
            .append("text", message.text())
            .append("sentAt", ChatCodec.date(message.sentAt()));
    if (message.clientId() != null) {
      doc.append("clientId", message.clientId())
          .append(ROOM_CLIENT_ID, roomClientId(message.roomId(), message.clientId()));
    }
    return doc;
  }

  static Message fromDocument(Document doc) {
    Document sender = doc.get("sender", Document.class);
    return new Message(
        doc.getString("_id"),
        doc.getString("roomId"),
        ((Number) doc.get("seq")).longValue(),
        doc.getString("clientId"),
        MessageType.fromWire(doc.getString("type")),
        new Sender(sender.getString("id"), sender.getString("name"), sender.getString("role")),
        doc.getString("text"),
        doc.getDate("sentAt").toInstant());
  }
}
