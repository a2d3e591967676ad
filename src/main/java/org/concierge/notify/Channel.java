package org.concierge.notify;

/** How a notification travels; each channel has its {@link Courier}. */
public enum Channel {
  EMAIL,
  SMS,
  PUSH
}
