package org.concierge.notify;

import java.util.Locale;

/**
 * Where a notification is on its way out. {@code PENDING} waits for its next try; {@code SENDING}
 * is claimed by a worker until its lease ends; {@code SENT} is done; {@code FAILED} is a try that
 * failed and waits for its retry; {@code DEAD} failed every try; {@code NOT_CONFIGURED} has no
 * sender to go through (no SMTP host) and waits for an admin's retry. A text message that was sent
 * may later be reported by Twilio as {@code DELIVERED} to the phone, or {@code UNDELIVERED} (with
 * the carrier's error code as reason); those reports only ever move a notification forward.
 */
public enum DeliveryState {
  PENDING,
  SENDING,
  SENT,
  FAILED,
  DEAD,
  NOT_CONFIGURED,
  SKIPPED,
  DELIVERED,
  UNDELIVERED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** States an admin may send again. */
  public boolean retryable() {
    return this == FAILED || this == DEAD || this == NOT_CONFIGURED || this == UNDELIVERED;
  }
}
