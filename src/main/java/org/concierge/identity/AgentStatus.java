package org.concierge.identity;

import java.util.Locale;

/** Whether an agent is there to take chats. */
public enum AgentStatus {
  ONLINE,
  AWAY,
  OFFLINE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AgentStatus fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
