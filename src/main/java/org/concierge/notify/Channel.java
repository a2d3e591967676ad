package org.concierge.notify;

/** How a notification travels. Only email is sent so far; SMS and push share the same outbox. */
public enum Channel {
  EMAIL,
  SMS,
  PUSH
}
