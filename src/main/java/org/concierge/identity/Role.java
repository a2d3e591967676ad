package org.concierge.identity;

import java.util.Locale;
import org.concierge.platform.Roles;

/** What a person is to the desk. An admin may do all an agent may. */
public enum Role {
  USER(Roles.USER),
  AGENT(Roles.AGENT),
  ADMIN(Roles.ADMIN);

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /** The name in tokens and JSON. */
  public String wire() {
    return wire;
  }

  /** True for agents and admins, who both serve chats. */
  public boolean servesChats() {
    return this != USER;
  }

  public static Role fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
