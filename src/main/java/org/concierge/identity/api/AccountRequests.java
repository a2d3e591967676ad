package org.concierge.identity.api;

import java.util.List;

/**
 * The bodies of the identity endpoints; {@link org.concierge.identity.AccountChecks} checks them.
 */
final class AccountRequests {

  private AccountRequests() {}

  /** {@code POST /api/auth/register}. */
  public record Register(String email, String password, String name, String phone) {}

  /** {@code POST /api/auth/login}. */
  public record Login(String email, String password) {}

  /** {@code POST /api/auth/visitor}. */
  public record Visitor(String name, String email) {}

  /** {@code POST /api/admin/users}. */
  public record CreateUser(
      String email,
      String password,
      String name,
      String role,
      String phone,
      List<String> departments) {}

  /**
   * {@code PUT /api/admin/users/{id}}: any member may be left out; a blank {@code phone} removes
   * the number.
   */
  public record ChangeUser(String role, Boolean disabled, String phone) {}

  /** {@code PUT /api/agents/me/status}. */
  public record Status(String status) {}
}
