package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000Z");

  private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(WINDOW);

  @Test
  void letsAKeyThroughUntilItHasItsFill() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.blockedFor("k", 3, T0.plusSeconds(i))).isEmpty();
      limiter.record("k", T0.plusSeconds(i));
    }
    assertThat(limiter.blockedFor("k", 3, T0.plusSeconds(3))).isPresent();
    assertThat(limiter.blockedFor("k", 4, T0.plusSeconds(3))).isEmpty();
  }

  @Test
  void keysAreCountedApart() {
    limiter.record("a", T0);
    limiter.record("a", T0);
    assertThat(limiter.blockedFor("a", 2, T0)).isPresent();
    assertThat(limiter.blockedFor("b", 2, T0)).isEmpty();
    assertThat(limiter.blockedFor("never-seen", 1, T0)).isEmpty();
  }

  @Test
  void saysHowLongUntilTheOldestCountedEventLeavesTheWindow() {
    limiter.record("k", T0);
    limiter.record("k", T0.plusSeconds(60));
    Instant now = T0.plusSeconds(100);
    assertThat(limiter.blockedFor("k", 2, now)).contains(WINDOW.minusSeconds(100));
    assertThat(limiter.blockedFor("k", 1, now)).contains(WINDOW.minusSeconds(40));
  }

  @Test
  void reopensExactlyWhenTheWindowHasPassed() {
    limiter.record("k", T0);
    Instant reopens = T0.plus(WINDOW);
    assertThat(limiter.blockedFor("k", 1, reopens.minusMillis(1))).contains(Duration.ofMillis(1));
    assertThat(limiter.blockedFor("k", 1, reopens)).isEmpty();
  }

  @Test
  void refusedAttemptsDoNotCount() {
    // Callers record only what they let through; asking, however often, is not counting.
    limiter.record("k", T0);
    limiter.record("k", T0.plusSeconds(1));
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.blockedFor("k", 2, T0.plusSeconds(2 + i))).isPresent();
    }
    assertThat(limiter.blockedFor("k", 2, T0.plus(WINDOW))).isEmpty();
  }

  @Test
  void oldEventsAgeOutOneByOne() {
    limiter.record("k", T0);
    limiter.record("k", T0.plusSeconds(30));
    limiter.record("k", T0.plusSeconds(60));
    Instant afterFirst = T0.plus(WINDOW).plusSeconds(1);
    assertThat(limiter.blockedFor("k", 3, afterFirst)).isEmpty();
    assertThat(limiter.blockedFor("k", 2, afterFirst)).contains(Duration.ofSeconds(29));
    limiter.record("k", afterFirst);
    assertThat(limiter.blockedFor("k", 3, afterFirst)).contains(Duration.ofSeconds(29));
  }

  @Test
  void idleKeysAreSweptWithoutLosingBusyOnes() {
    limiter.record("busy", T0.plus(WINDOW));
    for (int i = 0; i < 3000; i++) {
      limiter.record("idle-" + i, T0);
    }
    Instant later = T0.plus(WINDOW).plusSeconds(1);
    for (int i = 0; i < 2048; i++) {
      limiter.record("late-" + i, later);
    }
    assertThat(limiter.blockedFor("busy", 1, later)).isPresent();
    assertThat(limiter.blockedFor("idle-1", 1, later)).isEmpty();
  }
}
