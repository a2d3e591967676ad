package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.concierge.platform.RateLimited;
import org.concierge.platform.Settings;
import org.concierge.platform.SlidingWindowLimiter;

/**
 * Caps registrations and visitor sessions per address ({@code CONCIERGE_SIGNUP_LIMIT} an hour), so
 * one script cannot fill the store with accounts.
 */
@ApplicationScoped
public class SignupLimiter {

  private final SlidingWindowLimiter window = new SlidingWindowLimiter(Duration.ofHours(1));

  @Inject Settings settings;

  /**
   * Counts one sign-up from {@code address}.
   *
   * @throws RateLimited when the address has had its hourly allowance
   */
  public void admit(String address, Instant now) {
    window
        .blockedFor(address, settings.signupLimitPerHour(), now)
        .ifPresent(
            wait -> {
              throw new RateLimited("Too many sign-ups from this address. Try again later.", wait);
            });
    window.record(address, now);
  }
}
