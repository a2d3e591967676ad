package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.concierge.platform.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words that stop and restart texts to a number, as carriers and Twilio know them. */
class OptOutsTest {

  private static final String PHONE = "+14155550100";

  private final OptOuts optOuts = new OptOuts();
  private final MemoryOptOutStore stored = new MemoryOptOutStore();

  OptOutsTest() {
    optOuts.store = stored;
    optOuts.clock = new Clock();
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stopall", " Unsubscribe ", "cancel", "END", "Quit\n"})
  void eachStopWordOptsTheNumberOut(String word) {
    optOuts.replied(PHONE, word);

    assertThat(optOuts.of(PHONE)).map(OptOut::keyword).contains(word.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"START", "unstop", " yes "})
  void eachStartWordOptsItBackIn(String word) {
    optOuts.replied(PHONE, "STOP");

    optOuts.replied(PHONE, word);

    assertThat(optOuts.of(PHONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop please", "STOP!", "Thanks", "", "HELP"})
  void otherRepliesChangeNothing(String word) {
    optOuts.replied(PHONE, word);

    assertThat(optOuts.of(PHONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 415 555 0100", "+1-415-555-0100"})
  void theNumberIsKnownHoweverItIsWritten(String written) {
    optOuts.replied(PHONE, "STOP");

    assertThat(optOuts.of(written)).isPresent();
  }
}
