package org.concierge.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;

/**
 * A user as a row of the users page: what the page shows, with getters for its expressions, and
 * nothing it must not keep in its view state (no password hash).
 */
public final class UserRow implements Serializable {

  private final String id;
  private final String name;
  private final String email;
  private final String phone;
  private final Role role;
  private final AgentStatus status;
  private final List<String> departments;
  private final boolean visitor;
  private final boolean disabled;

  private UserRow(User user) {
    id = user.id();
    name = user.name();
    email = user.email();
    phone = user.phone();
    role = user.role();
    status = user.status();
    departments = List.copyOf(user.departments());
    visitor = user.visitor();
    disabled = user.disabled();
  }

  static UserRow of(User user) {
    return new UserRow(user);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  /** The number alerts are texted to; null when none. */
  public String getPhone() {
    return phone;
  }

  public Role getRole() {
    return role;
  }

  public List<String> getDepartments() {
    return departments;
  }

  public boolean isDisabled() {
    return disabled;
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
    String wire = getStatusName();
    return wire.isEmpty() ? "" : wire.substring(0, 1).toUpperCase(Locale.ROOT) + wire.substring(1);
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
