package org.concierge.identity.api;

import java.util.List;
import org.concierge.identity.NewAccount;
import org.concierge.platform.FieldChecks;

/** The bodies of the identity endpoints, and their checks. */
final class AccountRequests {

  static final int PASSWORD_MIN = 8;
  static final int PASSWORD_MAX = 256;
  static final int NAME_MAX = 100;

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

  /** {@code PUT /api/agents/me/status}. */
  public record Status(String status) {}

  static NewAccount account(
      FieldChecks checks, String email, String password, String name, String phone) {
    String validEmail = checks.email("email", email, true);
    checks.check(password != null, "password", "is required");
    if (password != null) {
      int length = password.codePointCount(0, password.length());
      checks.check(length >= PASSWORD_MIN, "password", "must be at least 8 characters");
      checks.check(length <= PASSWORD_MAX, "password", "must be at most 256 characters");
    }
    String validName = checks.text("name", name, 1, NAME_MAX, true);
    String validPhone = phone(checks, phone);
    return new NewAccount(validEmail, password, validName, validPhone);
  }

  static String phone(FieldChecks checks, String phone) {
    String value = checks.text("phone", phone, 0, 32, false);
    if (value != null) {
      checks.check(
          value.matches("\\+?[0-9][0-9 ()\\-.]{4,30}"),
          "phone",
          "must be a phone number, best in international form (+41 44 123 45 67)");
    }
    return value;
  }
}
