package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.concierge.platform.RateLimited;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  private final LoginThrottle throttle = new LoginThrottle();

  /** One sign-in with a wrong password, as IdentityService makes it: refused ones not counted. */
  private boolean failedAttempt(String email, String address, Instant at) {
    try {
      throttle.checkAllowed(email, address, at);
    } catch (RateLimited refused) {
      return false;
    }
    throttle.recordFailure(email, address, at);
    return true;
  }

  private RateLimited refusal(String email, String address, Instant at) {
    return catchThrowableOfType(RateLimited.class, () -> throttle.checkAllowed(email, address, at));
  }

  @Test
  void refusesAnEmailAfterFiveFailures() {
    for (int i = 0; i < 5; i++) {
      assertThat(failedAttempt("ann@x.example", "10.0.0." + i, T0.plusSeconds(i))).isTrue();
    }
    RateLimited refused = refusal("ann@x.example", "10.0.0.99", T0.plusSeconds(60));
    assertThat(refused).isNotNull();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.retryAfterSeconds()).isEqualTo(WINDOW.toSeconds() - 60);
    assertThatCode(() -> throttle.checkAllowed("bob@x.example", "10.0.0.1", T0.plusSeconds(60)))
        .doesNotThrowAnyException();
  }

  @Test
  void fourFailuresAreNotEnough() {
    for (int i = 0; i < 4; i++) {
      failedAttempt("ann@x.example", "10.0.0.1", T0);
    }
    assertThatCode(() -> throttle.checkAllowed("ann@x.example", "10.0.0.1", T0))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnAddressAfterFiftyFailures() {
    for (int i = 0; i < 50; i++) {
      assertThat(failedAttempt("guess-" + i + "@x.example", "10.9.9.9", T0.plusSeconds(i)))
          .isTrue();
    }
    RateLimited refused = refusal("fresh@x.example", "10.9.9.9", T0.plusSeconds(50));
    assertThat(refused).isNotNull();
    assertThat(refused.retryAfterSeconds()).isEqualTo(WINDOW.toSeconds() - 50);
    assertThatCode(() -> throttle.checkAllowed("fresh@x.example", "10.1.1.1", T0.plusSeconds(50)))
        .doesNotThrowAnyException();
  }

  @Test
  void lockedOutUsersAreLetBackInFifteenMinutesAfterTheirFailures() {
    for (int i = 0; i < 5; i++) {
      failedAttempt("ann@x.example", "10.0.0.1", T0);
    }
    assertThat(refusal("ann@x.example", "10.0.0.1", T0.plus(WINDOW).minusMillis(1))).isNotNull();
    assertThatCode(() -> throttle.checkAllowed("ann@x.example", "10.0.0.1", T0.plus(WINDOW)))
        .doesNotThrowAnyException();
  }

  @Test
  void retryingWhileRefusedDoesNotProlongTheLockout() {
    for (int i = 0; i < 5; i++) {
      failedAttempt("ann@x.example", "10.0.0.1", T0);
    }
    for (int minute = 1; minute < 15; minute++) {
      assertThat(failedAttempt("ann@x.example", "10.0.0.1", T0.plus(Duration.ofMinutes(minute))))
          .isFalse();
    }
    assertThatCode(() -> throttle.checkAllowed("ann@x.example", "10.0.0.1", T0.plus(WINDOW)))
        .doesNotThrowAnyException();
  }

  @Test
  void failuresSpreadOverTheWindowSlideOut() {
    for (int i = 0; i < 5; i++) {
      failedAttempt("ann@x.example", "10.0.0.1", T0.plus(Duration.ofMinutes(3L * i)));
    }
    Instant fifth = T0.plus(Duration.ofMinutes(12));
    assertThat(refusal("ann@x.example", "10.0.0.1", fifth)).isNotNull();
    Instant firstGone = T0.plus(WINDOW);
    assertThat(failedAttempt("ann@x.example", "10.0.0.1", firstGone)).isTrue();
    assertThat(refusal("ann@x.example", "10.0.0.1", firstGone)).isNotNull();
  }
}
