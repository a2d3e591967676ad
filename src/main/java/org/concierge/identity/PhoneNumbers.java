package org.concierge.identity;

import java.util.regex.Pattern;
import org.concierge.platform.FieldChecks;

/**
 * Phone numbers that text messages go to, in E.164 form: a plus, a country code that does not start
 * with 0, and at most 15 digits in all, nothing else ({@code +41446681800}). SMS providers take
 * this form only, so a number is checked when it is given, not when a message to it fails.
 */
public final class PhoneNumbers {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private PhoneNumbers() {}

  public static boolean isE164(String number) {
    return number != null && E164.matcher(number).matches();
  }

  /** The number in {@code field}, stripped; a problem goes to {@code checks}. */
  public static String e164(FieldChecks checks, String field, String raw) {
    String number = checks.text(field, raw, 1, 16, true);
    if (number != null) {
      checks.check(
          isE164(number),
          field,
          "must be a phone number in E.164 form: +, country code and number, digits only"
              + " (+41446681800)");
    }
    return number;
  }
}
