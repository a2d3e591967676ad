package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "+41441234567, +41441234567",
    "'+41 44 123 45 67', +41441234567",
    "'  +1 (415) 555-0100 ', +14155550100",
    "+44.20.7946.0958, +442079460958"
  })
  void internationalNumbersAreKeptWithoutTheirDecoration(String typed, String e164) {
    assertThat(PhoneNumbers.e164(typed)).contains(e164);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "044 123 45 67",
        "41441234567",
        "+0441234567",
        "+41 44 ABC",
        "+1234567890123456",
        "+12345",
        ""
      })
  void numbersWithoutACountryCodeOrWithOtherCharactersAreRefused(String typed) {
    assertThat(PhoneNumbers.e164(typed)).isEmpty();
  }
}
