package org.concierge.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A verification code sent to a phone, as the store keeps it: one per person, the latest, known
 * only by its keyed hash (see {@link PhoneCodeHasher}). It proves the number belongs to the person
 * when they type it back before {@code expiresAt}, within the allowed number of tries.
 *
 * @param attempts the tries at typing it back so far, right or wrong
 */
public record PhoneCode(
    String userId,
    String phone,
    String codeHash,
    Instant issuedAt,
    Instant expiresAt,
    int attempts) {

  /** How long until another code may be sent, given the wait between two; empty when it may now. */
  public Optional<Duration> resendWait(Duration resendDelay, Instant now) {
    Instant allowed = issuedAt.plus(resendDelay);
    return now.isBefore(allowed) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** True when every try has been used up, and the code is void. */
  public boolean spent(int maxAttempts) {
    return attempts >= maxAttempts;
  }
}
