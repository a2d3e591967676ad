package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwilioAccountTest {

  private final TwilioAccount account =
      new TwilioAccount("AC1", "token", List.of("+14155550100", "+14155550101"), Optional.empty());

  @Test
  void theFirstSenderIsTheDefault() {
    assertThat(account.sender(null)).isEqualTo("+14155550100");
  }

  @Test
  void aTextMayChooseAnotherConfiguredSender() {
    assertThat(account.sender("+14155550101")).isEqualTo("+14155550101");
  }

  @Test
  void aSenderThatIsNotConfiguredIsNotUsed() {
    assertThat(account.sender("+19999999999")).isEqualTo("+14155550100");
  }

  @Test
  void namesEveryMissingSetting() {
    assertThat(new TwilioAccount(null, null, List.of(), Optional.empty()).missingSettings())
        .containsExactly(
            "CONCIERGE_TWILIO_ACCOUNT_SID", "CONCIERGE_TWILIO_AUTH_TOKEN", "CONCIERGE_TWILIO_FROM");
    assertThat(account.missingSettings()).isEmpty();
  }
}
