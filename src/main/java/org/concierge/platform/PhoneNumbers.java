package org.concierge.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164, the form Twilio sends to and reports from: a plus, a country code and at
 * most 15 digits in all. People type spaces, dashes, dots and brackets into numbers; those are
 * dropped, anything else makes the number unusable.
 */
public final class PhoneNumbers {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern DECORATION = Pattern.compile("[\\s().\\-]");

  private PhoneNumbers() {}

  /** The number in E.164, or empty when {@code typed} is not an international number. */
  public static Optional<String> e164(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String bare = DECORATION.matcher(typed.strip()).replaceAll("");
    return E164.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
  }
}
