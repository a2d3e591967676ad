package org.concierge.identity.api;

import java.util.List;
import org.concierge.identity.User;

/** The {@code user} object of API.md. Secrets never leave through it. */
public record UserView(
    String id,
    String email,
    String name,
    String role,
    String phone,
    String status,
    List<String> departments) {

  public static UserView of(User user) {
    boolean staff = user.servesChats();
    return new UserView(
        user.id(),
        user.email(),
        user.name(),
        user.role().wire(),
        user.phone(),
        staff && user.status() != null ? user.status().wire() : null,
        staff ? user.departments() : null);
  }
}
