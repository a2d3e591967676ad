package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class PriorityTest {

  @Test
  void theQueueServesUrgentFirstThenHighNormalLow() {
    assertThat(
            Arrays.stream(Priority.values()).sorted(Comparator.comparingInt(Priority::queueRank)))
        .containsExactly(Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW);
    assertThat(Priority.URGENT.queueRank()).isZero();
    assertThat(Priority.LOW.queueRank()).isEqualTo(3);
  }

  @Test
  void raisingGoesUpOneLevelAndUrgentStaysUrgent() {
    assertThat(Priority.LOW.raised()).isEqualTo(Priority.NORMAL);
    assertThat(Priority.NORMAL.raised()).isEqualTo(Priority.HIGH);
    assertThat(Priority.HIGH.raised()).isEqualTo(Priority.URGENT);
    assertThat(Priority.URGENT.raised()).isEqualTo(Priority.URGENT);
  }

  @Test
  void readsAndWritesTheWireNames() {
    for (Priority p : Priority.values()) {
      assertThat(Priority.parse(p.wire())).contains(p);
      assertThat(Priority.fromWire(p.wire())).isEqualTo(p);
    }
    assertThat(Priority.URGENT.wire()).isEqualTo("urgent");
    assertThat(Priority.parse("URGENT")).isEmpty();
    assertThat(Priority.parse("asap")).isEmpty();
    assertThat(Priority.parse(null)).isEmpty();
  }
}
