package org.concierge.web;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.Notification;

/** A notification as a row of the outbox page, with getters for its expressions. */
public final class OutboxRow implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String id;
  private final String createdAt;
  private final String address;
  private final String subject;
  private final DeliveryState state;
  private final int attempts;
  private final String lastError;
  private final String when;

  private OutboxRow(Notification n) {
    id = n.id();
    createdAt = format(n.createdAt());
    address = n.address();
    subject = n.subject();
    state = n.state();
    attempts = n.attempts();
    // Once it went out, an earlier failure is history, not a reason.
    lastError = n.state() == DeliveryState.SENT ? null : n.lastError();
    when = describeWhen(n);
  }

  static OutboxRow of(Notification notification) {
    return new OutboxRow(notification);
  }

  /** When it was sent, or when it is tried next while it waits. */
  private static String describeWhen(Notification n) {
    return switch (n.state()) {
      case SENT -> "sent " + format(n.sentAt());
      case PENDING, FAILED -> "next try " + format(n.nextAttemptAt());
      default -> "";
    };
  }

  private static String format(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public String getId() {
    return id;
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
