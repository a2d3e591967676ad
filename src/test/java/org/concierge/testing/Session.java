package org.concierge.testing;

import jakarta.json.JsonObject;

/** A signed-in person: their client with the token set, and their {@code user}. */
public record Session(Client client, String token, JsonObject user) {

  public String id() {
    return user.getString("id");
  }

  public String email() {
    return user.getString("email");
  }

  public String name() {
    return user.getString("name");
  }
}
