package org.concierge.chat;

import java.util.Locale;

/** A chat waits in the queue, is served by an agent, then is closed for good. */
public enum ChatStatus {
  PENDING,
  ACTIVE,
  CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ChatStatus fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
