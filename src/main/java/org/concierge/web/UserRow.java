package org.concierge.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;

/**
 * A user as a row of the users page: what the page shows, and nothing it must not keep in its view
 * state (no password hash).
 */
public record UserRow(
    String id,
    String name,
    String email,
    Role role,
    AgentStatus status,
    List<String> departments,
    boolean visitor,
    boolean disabled)
    implements Serializable {

  public UserRow {
    departments = List.copyOf(departments);
  }

  static UserRow of(User user) {
    return new UserRow(
        user.id(),
        user.name(),
        user.email(),
        user.role(),
        user.status(),
        user.departments(),
        user.visitor(),
        user.disabled());
  }

  public boolean isStaff() {
    return role.servesChats();
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public String getRoleLabel() {
    return switch (role) {
      case ADMIN -> "Admin";
      case AGENT -> "Agent";
      case USER -> visitor ? "Visitor" : "Traveler";
    };
  }

  /** online, away or offline for staff; empty for travelers, who have no status. */
  public String getStatusName() {
    if (!isStaff()) {
      return "";
    }
    return (status == null ? AgentStatus.OFFLINE : status).wire();
  }

  public String getStatusLabel() {
    String name = getStatusName();
    return name.isEmpty() ? "" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** Up to two letters standing for the person, for their avatar. */
  public String getInitials() {
    StringBuilder initials = new StringBuilder();
    for (String part : name.strip().split("\\s+")) {
      if (!part.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
      }
    }
    return initials.isEmpty() ? "?" : initials.toString();
  }
}
