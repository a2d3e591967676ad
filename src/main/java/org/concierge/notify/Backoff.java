package org.concierge.notify;

import java.time.Duration;

/**
 * When a failed notification is tried again: the first retry after the base delay, each further one
 * after twice the previous wait, never more than {@link #LONGEST} apart, and no more tries once
 * {@code maxAttempts} have failed.
 */
public record Backoff(Duration base, int maxAttempts) {

  /** A mail server that is down for a day is still tried every few hours, not every few days. */
  public static final Duration LONGEST = Duration.ofHours(4);

  /** True when the notification may be tried again after {@code attempts} failed tries. */
  public boolean retriesAfter(int attempts) {
    return attempts < maxAttempts;
  }

  /** The wait after the {@code attempts}-th failed try (1 for the first). */
  public Duration delayAfter(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    long millis = base.toMillis();
    for (int i = 0; i < doublings && millis < LONGEST.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
  }
}
