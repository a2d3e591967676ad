package org.concierge.identity.api;

import org.concierge.platform.FieldChecks;

/** The bodies of the phone verification endpoints. */
final class PhoneRequests {

  private PhoneRequests() {}

  /** {@code POST /api/me/phone/verification}: the number to text a code to. */
  public record Send(String phone) {

    String validPhone() {
      FieldChecks checks = new FieldChecks();
      String number = checks.phone("phone", phone, true);
      checks.throwIfInvalid();
      return number;
    }
  }

  /** {@code POST /api/me/phone/verification/confirm}: the code as the person read it. */
  public record Confirm(String code) {

    /** Six digits; anything else is refused before it can count as a try. */
    String validCode() {
      FieldChecks checks = new FieldChecks();
      String value = checks.text("code", code, 1, 6, true);
      checks.check(value == null || value.matches("[0-9]{6}"), "code", "must be the 6 digits sent");
      checks.throwIfInvalid();
      return value;
    }
  }
}
