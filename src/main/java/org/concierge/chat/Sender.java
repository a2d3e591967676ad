package org.concierge.chat;

import org.concierge.identity.Caller;

/** Who wrote a message; system messages come from Concierge itself. */
public record Sender(String id, String name, String role) {

  public static final Sender SYSTEM = new Sender("system", "Concierge", "system");

  public static Sender of(Caller caller) {
    return new Sender(caller.id(), caller.name(), caller.role().wire());
  }
}
