package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.concierge.notify.store.MongoSmsOptOutRepository;
import org.concierge.platform.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words that stop and restart texts to a number, as carriers and Twilio know them. */
class OptOutsTest {

  private static final String PHONE = "+14155550100";

  /** The opt-out list, in memory. */
  private static final class Stored extends MongoSmsOptOutRepository {
    final Map<String, OptOut> byPhone = new HashMap<>();

    @Override
    public void save(OptOut optOut) {
      byPhone.put(optOut.phone(), optOut);
    }

    @Override
    public void remove(String phone) {
      byPhone.remove(phone);
    }

    @Override
    public Optional<OptOut> find(String phone) {
      return Optional.ofNullable(byPhone.get(phone));
    }
  }

  private final OptOuts optOuts = new OptOuts();
  private final Stored stored = new Stored();

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
