package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxAlarmTest {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private final OutboxAlarm alarm = new OutboxAlarm();

  @Test
  void ringsAtOnceAfterAStartThenOnlyForTheSweep() {
    assertThat(alarm.rings(START)).isTrue();
    alarm.looking(START);
    assertThat(alarm.rings(START.plusSeconds(1))).isFalse();
    assertThat(alarm.rings(START.plus(OutboxAlarm.SWEEP).minusMillis(1))).isFalse();
    assertThat(alarm.rings(START.plus(OutboxAlarm.SWEEP))).isTrue();
  }

  @Test
  void ringsWhenSomethingWrittenFallsDueAndNotBefore() {
    alarm.looking(START);
    alarm.expect(START.plusSeconds(5));
    assertThat(alarm.rings(START.plusSeconds(4))).isFalse();
    assertThat(alarm.rings(START.plusSeconds(5))).isTrue();
    alarm.looking(START.plusSeconds(5));
    assertThat(alarm.rings(START.plusSeconds(6))).isFalse();
  }

  @Test
  void keepsWhatFallsDueAfterALook() {
    alarm.looking(START);
    alarm.expect(START.plusSeconds(3));
    alarm.expect(START.plusSeconds(8));
    alarm.looking(START.plusSeconds(3));
    assertThat(alarm.rings(START.plusSeconds(7))).isFalse();
    assertThat(alarm.rings(START.plusSeconds(8))).isTrue();
  }

  @Test
  void tellsWhichLooksAreSweeps() {
    assertThat(alarm.looking(START)).isTrue();
    alarm.expect(START.plusSeconds(5));
    assertThat(alarm.looking(START.plusSeconds(5))).isFalse();
    assertThat(alarm.looking(START.plus(OutboxAlarm.SWEEP))).isTrue();
  }
}
