package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), 8);

  @Test
  void doublesTheWaitAfterEachFailedTry() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(1920));
  }

  @Test
  void neverWaitsLongerThanTheLongestDelay() {
    assertThat(backoff.delayAfter(20)).isEqualTo(Backoff.LONGEST);
    assertThat(backoff.delayAfter(1_000)).isEqualTo(Backoff.LONGEST);
  }

  @Test
  void givesUpAfterTheLastTry() {
    assertThat(backoff.retriesAfter(7)).isTrue();
    assertThat(backoff.retriesAfter(8)).isFalse();
  }
}
