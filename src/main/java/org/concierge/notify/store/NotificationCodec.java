package org.concierge.notify.store;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.concierge.notify.Channel;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Lanes;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;

/** Notifications to and from their documents. */
final class NotificationCodec {

  private NotificationCodec() {}

  static Document toDocument(Notification n) {
    Document data = new Document();
    n.data().forEach(data::append);
    return new Document("_id", n.id())
        .append("channel", n.channel().name().toLowerCase(Locale.ROOT))
        .append("kind", n.kind().name())
        .append("recipientId", n.recipientId())
        .append("address", n.address())
        .append("subject", n.subject())
        .append("roomId", n.roomId())
        .append("data", data)
        .append("state", n.state().wire())
        .append("attempts", n.attempts())
        .append("nextAttemptAt", date(n.nextAttemptAt()))
        .append("leaseUntil", date(n.leaseUntil()))
        .append("lastError", n.lastError())
        .append("createdAt", date(n.createdAt()))
        .append("sentAt", date(n.sentAt()))
        .append("reference", n.reference())
        .append("dedupeKey", n.dedupeKey())
        // For the worker's claims: paced ones give way (false sorts before true), and a lane
        // that has had its share of a pass is passed over.
        .append("paced", n.kind().paced())
        .append("lane", Lanes.of(n).orElse(null));
  }

  static Notification fromDocument(Document d) {
    Map<String, String> data = new LinkedHashMap<>();
    Document stored = d.get("data", Document.class);
    if (stored != null) {
      stored.forEach((key, value) -> data.put(key, String.valueOf(value)));
    }
    return new Notification(
        d.getString("_id"),
        Channel.valueOf(d.getString("channel").toUpperCase(Locale.ROOT)),
        NotificationKind.valueOf(d.getString("kind")),
        d.getString("recipientId"),
        d.getString("address"),
        d.getString("subject"),
        d.getString("roomId"),
        data,
        DeliveryState.fromWire(d.getString("state")),
        d.getInteger("attempts", 0),
        instant(d.getDate("nextAttemptAt")),
        instant(d.getDate("leaseUntil")),
        d.getString("lastError"),
        instant(d.getDate("createdAt")),
        instant(d.getDate("sentAt")),
        d.getString("reference"),
        d.getString("dedupeKey"));
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
