package org.concierge.identity;

/** The authenticated person behind a request or a socket, as their token says. */
public record Caller(String id, String name, Role role) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Agents and admins. */
  public boolean servesChats() {
    return role.servesChats();
  }

  public boolean isTraveler() {
    return role == Role.USER;
  }
}
