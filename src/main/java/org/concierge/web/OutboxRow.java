package org.concierge.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.concierge.notify.Channel;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;

/**
 * A notification as a row of the outbox page, with getters for its expressions. A text message has
 * no subject; its row names what it tells instead.
 */
public final class OutboxRow implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String id;
  private final boolean text;
  private final String createdAt;
  private final String address;
  private final String subject;
  private final DeliveryState state;
  private final int attempts;
  private final String lastError;
  private final String when;

  private OutboxRow(Notification n) {
    id = n.id();
    text = n.channel() == Channel.SMS;
    createdAt = format(n.createdAt());
    address = n.address();
    subject = n.subject() != null ? n.subject() : describe(n.kind());
    state = n.state();
    attempts = n.attempts();
    // Once it went out, an earlier failure is history, not a reason.
    lastError =
        n.state() == DeliveryState.SENT || n.state() == DeliveryState.DELIVERED
            ? null
            : n.lastError();
    when = describeWhen(n);
  }

  static OutboxRow of(Notification notification) {
    return new OutboxRow(notification);
  }

  /** When it was sent, or when it is tried next while it waits. */
  private static String describeWhen(Notification n) {
    return switch (n.state()) {
      case SENT, DELIVERED, UNDELIVERED -> "sent " + format(n.sentAt());
      case PENDING, FAILED -> "next try " + format(n.nextAttemptAt());
      default -> "";
    };
  }

  /** What a notification without a subject tells: "Text: critical assignment". */
  private static String describe(NotificationKind kind) {
    return "Text: " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String format(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public String getId() {
    return id;
  }

  /** Whether it is a text message rather than an email. */
  public boolean isText() {
    return text;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getAddress() {
    return address;
  }

  public String getSubject() {
    return subject;
  }

  public String getState() {
    return state.wire();
  }

  public String getStateLabel() {
    return state.wire().replace('_', ' ');
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public String getWhen() {
    return when;
  }

  public boolean isRetryable() {
    return state.retryable();
  }
}
