package org.concierge.identity;

import java.util.List;
import java.util.Optional;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.PhoneNumbers;

/**
 * The rules an account's details must meet, wherever they are typed in: the REST API and the admin
 * pages check them the same way, each problem named by its field.
 */
public final class AccountChecks {

  public static final int PASSWORD_MIN = 8;
  public static final int PASSWORD_MAX = 256;
  public static final int NAME_MAX = 100;
  static final int DEPARTMENTS_MAX = 20;
  static final int DEPARTMENT_NAME_MAX = 100;

  private AccountChecks() {}

  /** The account, with the email lower-cased and texts stripped; problems go to {@code checks}. */
  public static NewAccount account(
      FieldChecks checks, String email, String password, String name, String phone) {
    return withPhone(checks, email, password, name, phone(checks, phone));
  }

  /**
   * A staff account: as {@link #account}, but the phone number, which alerts are texted to, must be
   * international (E.164) and is stored without spaces or dashes.
   */
  public static NewAccount staffAccount(
      FieldChecks checks, String email, String password, String name, String phone) {
    return withPhone(checks, email, password, name, staffPhone(checks, phone));
  }

  private static NewAccount withPhone(
      FieldChecks checks, String email, String password, String name, String validPhone) {
    String validEmail = checks.email("email", email, true);
    checks.check(password != null, "password", "is required");
    if (password != null) {
      int length = password.codePointCount(0, password.length());
      checks.check(
          length >= PASSWORD_MIN, "password", "must be at least " + PASSWORD_MIN + " characters");
      checks.check(
          length <= PASSWORD_MAX, "password", "must be at most " + PASSWORD_MAX + " characters");
    }
    String validName = checks.text("name", name, 1, NAME_MAX, true);
    return new NewAccount(validEmail, password, validName, validPhone);
  }

  public static String phone(FieldChecks checks, String phone) {
    String value = checks.text("phone", phone, 0, 32, false);
    if (value != null) {
      checks.check(
          value.matches("\\+?[0-9][0-9 ()\\-.]{4,30}"),
          "phone",
          "must be a phone number, best in international form (+41 44 123 45 67)");
    }
    return value;
  }

  /**
   * A phone number in E.164 ({@code +41441234567}), typed with or without spaces, dashes, dots or
   * brackets; null for none (absent or blank).
   */
  public static String staffPhone(FieldChecks checks, String phone) {
    String value = checks.text("phone", phone, 0, 32, false);
    if (value == null || value.isEmpty()) {
      return null;
    }
    Optional<String> e164 = PhoneNumbers.e164(value);
    checks.check(
        e164.isPresent(),
        "phone",
        "must be an international number with its country code, such as +41 44 123 45 67");
    return e164.orElse(null);
  }

  /** The role of a staff account: agent or admin. */
  public static Role staffRole(FieldChecks checks, String role) {
    if (Role.AGENT.wire().equals(role) || Role.ADMIN.wire().equals(role)) {
      return Role.fromWire(role);
    }
    checks.add("role", "must be agent or admin");
    return null;
  }

  /** Department names, stripped and without repeats; none when absent. */
  public static List<String> departments(FieldChecks checks, List<String> departments) {
    if (departments == null) {
      return List.of();
    }
    checks.check(
        departments.size() <= DEPARTMENTS_MAX, "departments", "at most " + DEPARTMENTS_MAX);
    List<String> names =
        departments.stream().map(d -> d == null ? "" : d.strip()).distinct().toList();
    checks.check(
        names.stream().allMatch(d -> !d.isEmpty() && d.length() <= DEPARTMENT_NAME_MAX),
        "departments",
        "each must be a name of 1 to " + DEPARTMENT_NAME_MAX + " characters");
    return names;
  }
}
