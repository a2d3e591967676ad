package org.concierge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void showsTheTwoLargestUnits() {
    assertThat(Durations.humane(125.0)).isEqualTo("2 min 5 s");
    assertThat(Durations.humane(45.4)).isEqualTo("45 s");
    assertThat(Durations.humane(10.2)).isEqualTo("10 s");
    assertThat(Durations.humane(120.0)).isEqualTo("2 min");
    assertThat(Durations.humane(3_600.0 + 20 * 60 + 7)).isEqualTo("1 h 20 min");
    assertThat(Durations.humane(7_200.0)).isEqualTo("2 h");
    assertThat(Durations.humane(90_000.0)).isEqualTo("1 d 1 h");
  }

  @Test
  void roundsToWholeSecondsFromTenSecondsOn() {
    assertThat(Durations.humane(59.6)).isEqualTo("1 min");
    assertThat(Durations.humane(9.96)).isEqualTo("10 s");
  }

  @Test
  void showsTenthsOfQuickAnswersAndMillisecondsOfInstantOnes() {
    assertThat(Durations.humane(4.25)).isEqualTo("4.3 s");
    assertThat(Durations.humane(1.0)).isEqualTo("1.0 s");
    assertThat(Durations.humane(0.9996)).isEqualTo("1.0 s");
    assertThat(Durations.humane(0.24)).isEqualTo("240 ms");
    assertThat(Durations.humane(0.0)).isEqualTo("0 ms");
  }

  @Test
  void aMissingAverageIsADash() {
    assertThat(Durations.humane(null)).isEqualTo(Durations.NONE);
    assertThat(Durations.humane(Double.NaN)).isEqualTo(Durations.NONE);
  }
}
