package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.concierge.platform.RateLimited;
import org.concierge.platform.SlidingWindowLimiter;

/**
 * Slows password guessing: after 5 failed logins for one email, or 50 from one address, within 15
 * minutes, further attempts are refused until the window lets them through. Refused attempts are
 * not counted, so a locked-out user is not locked out for longer by retrying.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final SlidingWindowLimiter accounts = new SlidingWindowLimiter(WINDOW);
  private final SlidingWindowLimiter addresses = new SlidingWindowLimiter(WINDOW);

  /**
   * @throws RateLimited when this email or address has failed too often
   */
  public void checkAllowed(String email, String address, Instant now) {
    Optional<Duration> wait =
        accounts
            .blockedFor(email, PER_ACCOUNT, now)
            .or(() -> addresses.blockedFor(address, PER_ADDRESS, now));
    if (wait.isPresent()) {
      throw new RateLimited("Too many failed sign-in attempts. Try again later.", wait.get());
    }
  }

  public void recordFailure(String email, String address, Instant now) {
    accounts.record(email, now);
    addresses.record(address, now);
  }
}
