package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhoneCodeTest {

  private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00.000Z");
  private final PhoneCode code =
      new PhoneCode("u1", "+41446681800", "hash", ISSUED, ISSUED.plusSeconds(300), 2);

  @Test
  void anotherCodeWaitsForTheResendDelay() {
    Duration delay = Duration.ofSeconds(60);

    assertThat(code.resendWait(delay, ISSUED.plusSeconds(15))).contains(Duration.ofSeconds(45));
    assertThat(code.resendWait(delay, ISSUED.plusSeconds(60))).isEmpty();
    assertThat(code.resendWait(delay, ISSUED.plusSeconds(61))).isEmpty();
  }

  @Test
  void expiresAtItsTime() {
    assertThat(code.expired(ISSUED.plusSeconds(299))).isFalse();
    assertThat(code.expired(ISSUED.plusSeconds(300))).isTrue();
  }

  @Test
  void isSpentWhenEveryTryIsUsed() {
    assertThat(code.spent(3)).isFalse();
    assertThat(code.spent(2)).isTrue();
  }
}
