package org.concierge.chat;

import java.util.Locale;
import java.util.Optional;

/** How soon a chat needs an agent; the queue serves urgent first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Position in the queue: 0 for urgent, served first, up to 3 for low. */
  public int queueRank() {
    return URGENT.ordinal() - ordinal();
  }

  /** One level up; urgent stays urgent. */
  public Priority raised() {
    return this == URGENT ? URGENT : values()[ordinal() + 1];
  }

  public static Optional<Priority> parse(String text) {
    for (Priority p : values()) {
      if (p.wire().equals(text)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static Priority fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
