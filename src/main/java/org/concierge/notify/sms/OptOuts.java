package org.concierge.notify.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.concierge.notify.store.MongoSmsOptOutRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.PhoneNumbers;

/**
 * The numbers that asked for no more texts, by replying with one of the carriers' stop words, and
 * their way back in with a start word, the same words Twilio itself honours. Any other reply
 * changes nothing.
 */
@ApplicationScoped
public class OptOuts {

  static final Set<String> STOP_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");

  @Inject MongoSmsOptOutRepository store;
  @Inject Clock clock;

  /** Acts on a reply that {@code from} sent: a stop word opts it out, a start word back in. */
  public void replied(String from, String body) {
    Optional<String> phone = PhoneNumbers.e164(from);
    if (phone.isEmpty() || body == null) {
      return;
    }
    String word = body.strip().toUpperCase(Locale.ROOT);
    if (STOP_WORDS.contains(word)) {
      store.save(new OptOut(phone.get(), body.strip(), clock.now()));
    } else if (START_WORDS.contains(word)) {
      store.remove(phone.get());
    }
  }

  /** The opt-out of {@code phone}, if it has one now. */
  public Optional<OptOut> of(String phone) {
    return PhoneNumbers.e164(phone).flatMap(store::find);
  }
}
