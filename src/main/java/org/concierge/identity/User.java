package org.concierge.identity;

import java.util.List;

/**
 * A person known to the desk. Travelers who never registered are visitors: they have no password
 * and their token's {@code upn} is {@code visitor:<id>}. Agents and admins have a status and may
 * belong to departments. An admin may disable an account: it then cannot sign in, its tokens stop
 * working, and it is no longer offered chats.
 *
 * @param email the sign-in email; for a visitor, the contact address they gave, if any
 * @param phoneVerified true when the person proved, with a code sent there, that {@code phone} is
 *     theirs; it is then in E.164 form
 * @param passwordHash null for visitors
 */
public record User(
    String id,
    String email,
    String name,
    Role role,
    String phone,
    boolean phoneVerified,
    AgentStatus status,
    List<String> departments,
    String passwordHash,
    boolean visitor,
    boolean disabled) {

  public User {
    departments = departments == null ? List.of() : List.copyOf(departments);
  }

  /** The {@code upn} claim of this user's tokens. */
  public String principalName() {
    return visitor ? "visitor:" + id : email;
  }

  public boolean servesChats() {
    return role.servesChats();
  }

  /** An admin whose account works: the desk must always keep one. */
  public boolean isEnabledAdmin() {
    return role == Role.ADMIN && !disabled;
  }
}
