package org.concierge.platform;

import java.time.Duration;

/** Too many attempts: the caller may try again after {@link #retryAfter()}. */
public final class RateLimited extends DomainException {

  private final Duration retryAfter;

  public RateLimited(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds until a new attempt may succeed, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  @Override
  public int status() {
    return 429;
  }

  @Override
  public String title() {
    return "Too many requests";
  }
}
