package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void spacesSlotsEvenlyFromTheStart() {
    assertThat(new Pace(120).slots(START, 3))
        .containsExactly(START, START.plusMillis(500), START.plusMillis(1000));
    assertThat(new Pace(120).span(3)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void roundsEachSlotFromTheStartSoThatRoundingNeverAddsUp() {
    Pace sevenAMinute = new Pace(7);
    List<Instant> slots = sevenAMinute.slots(START, 701);
    assertThat(slots.get(1)).isEqualTo(START.plusMillis(8571));
    assertThat(slots.get(700)).isEqualTo(START.plus(Duration.ofMinutes(100)));
    assertThat(sevenAMinute.span(7)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theNextRunStartsOneSpacingAfterTheLastSlot() {
    Pace pace = new Pace(60);
    List<Instant> run = pace.slots(START, 5);
    Instant next = START.plus(pace.span(5));
    assertThat(Duration.between(run.get(4), next)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPassMaySendTheRatesShareOfATickRoundedUp() {
    Duration tick = Duration.ofSeconds(1);
    assertThat(new Pace(120).perPass(tick)).isEqualTo(2);
    assertThat(new Pace(60).perPass(tick)).isEqualTo(1);
    assertThat(new Pace(30).perPass(tick)).isEqualTo(1);
    assertThat(new Pace(90).perPass(tick)).isEqualTo(2);
    assertThat(new Pace(600).perPass(tick)).isEqualTo(10);
  }

  @Test
  void refusesARateBelowOneAMinute() {
    assertThatThrownBy(() -> new Pace(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
