package org.concierge.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.concierge.broadcast.Audience;
import org.concierge.broadcast.Broadcast;
import org.concierge.broadcast.Progress;

/** A broadcast as a row of the broadcasts page, with its progress. */
public final class BroadcastRow implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final String id;
  private final String createdAt;
  private final String channel;
  private final String audience;
  private final String message;
  private final int recipients;
  private final long queued;
  private final long sent;
  private final long failed;
  private final String lastDue;

  private BroadcastRow(Broadcast b, Progress progress) {
    id = b.id();
    createdAt = TIME.format(b.createdAt());
    channel = b.channel().name().toLowerCase(Locale.ROOT);
    audience = describe(b.audience());
    message = b.subject() != null ? b.subject() : b.text();
    recipients = b.recipients();
    queued = progress.queued();
    sent = progress.sent();
    failed = progress.failed();
    lastDue = b.lastDueAt() == null ? "" : TIME.format(b.lastDueAt());
  }

  static BroadcastRow of(Broadcast broadcast, Progress progress) {
    return new BroadcastRow(broadcast, progress);
  }

  private static String describe(Audience audience) {
    if (audience.group() != Audience.Group.TRAVELERS) {
      return "All " + audience.group().wire();
    }
    StringBuilder text =
        new StringBuilder("Travelers with chats from ")
            .append(day(audience.from()))
            .append(" to ")
            .append(day(audience.to()));
    if (audience.status() != null) {
      text.append(", now ").append(audience.status().wire());
    }
    if (audience.priority() != null) {
      text.append(", ").append(audience.priority().wire()).append(" priority");
    }
    return text.toString();
  }

  private static String day(Instant instant) {
    return DAY.format(instant);
  }

  public String getId() {
    return id;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getChannel() {
    return channel;
  }

  public String getAudience() {
    return audience;
  }

  public String getMessage() {
    return message;
  }

  public int getRecipients() {
    return recipients;
  }

  public long getQueued() {
    return queued;
  }

  public long getSent() {
    return sent;
  }

  public long getFailed() {
    return failed;
  }

  /** When its last message is due, while some are still queued. */
  public String getLastDue() {
    return queued > 0 ? lastDue : "";
  }
}
