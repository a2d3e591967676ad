package org.concierge.chat;

import java.util.Locale;

/** Written by a person, or by Concierge to tell what happened to the chat. */
public enum MessageType {
  TEXT,
  SYSTEM;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MessageType fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
