package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"+41446681800", "+15005550006", "+447700900123", "+8613800138000"})
  void acceptsNumbersInE164Form(String number) {
    assertThat(PhoneNumbers.isE164(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0446681800",
        "41446681800",
        "+41 44 668 18 00",
        "+41-44-668-18-00",
        "+041446681800",
        "+1234567890123456",
        "+12345",
        "+4144668180a",
        "+٤١٤٤٦٦٨١٨٠٠",
        ""
      })
  void refusesEverythingElse(String number) {
    assertThat(PhoneNumbers.isE164(number)).isFalse();
  }
}
