package org.concierge.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * A verification code was made for a person and stored (hashed): it must now be texted to them. The
 * code travels in this event, in memory only, to the listener that queues the text message, which
 * seals it before it reaches the store; it is never logged.
 *
 * @param issuedAt when it was made, which tells it from the person's other codes
 * @param lifetime how long the code may be used, which the message tells
 */
public record PhoneCodeIssued(
    String userId, String phone, String code, Instant issuedAt, Duration lifetime) {

  @Override
  public String toString() {
    return "PhoneCodeIssued[userId=" + userId + ", phone=" + phone + "]";
  }
}
