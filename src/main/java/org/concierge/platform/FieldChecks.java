package org.concierge.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects every problem with a request before refusing it, so a client sees all its mistakes at
 * once, each named by the JSON member or query parameter it concerns.
 */
public final class FieldChecks {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<Invalid.FieldError> errors = new ArrayList<>();

  /**
   * The text of a member stripped of surrounding whitespace, or null when absent or blank. A
   * present text must be {@code min} to {@code max} code points long after stripping.
   */
  public String text(String field, String raw, int min, int max, boolean required) {
    String value = raw == null ? null : raw.strip();
    if (value == null || value.isEmpty()) {
      if (required || (raw != null && min > 0)) {
        add(field, "is required");
      }
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length < min) {
      add(field, "must be at least " + min + " characters");
    } else if (length > max) {
      add(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /** An email address, lower-cased, or null when absent and not required. */
  public String email(String field, String raw, boolean required) {
    String value = text(field, raw, 3, 254, required);
    if (value != null && !EMAIL.matcher(value).matches()) {
      add(field, "must be an email address");
    }
    return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A phone number that text messages go to, in E.164 ({@code +41791234567}): typed with or without
   * spaces, dashes, dots or brackets, which are dropped. Null when absent and not required.
   */
  public String phone(String field, String raw, boolean required) {
    String value = text(field, raw, 1, 32, required);
    if (value == null) {
      return null;
    }
    Optional<String> e164 = PhoneNumbers.e164(value);
    check(
        e164.isPresent(),
        field,
        "must be a phone number in international (E.164) form, with + and the country code,"
            + " such as +41791234567");
    return e164.orElse(value);
  }

  /** The request body, which must be there. */
  public static <T> T requireBody(T body) {
    if (body == null) {
      throw new Invalid("body", "a JSON object is required");
    }
    return body;
  }

  /** Records {@code message} against {@code field} unless {@code ok}. */
  public FieldChecks check(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public FieldChecks add(String field, String message) {
    errors.add(new Invalid.FieldError(field, message));
    return this;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** Throws {@link Invalid} listing every problem found, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
  }
}
