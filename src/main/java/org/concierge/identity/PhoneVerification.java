package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.concierge.identity.store.MongoPhoneCodeRepository;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Invalid;
import org.concierge.platform.RateLimited;
import org.concierge.platform.Settings;
import org.concierge.platform.SlidingWindowLimiter;
import org.concierge.platform.Store;
import org.concierge.platform.Unauthorized;

/**
 * A signed-in person proves a phone number is theirs: Concierge texts a one-time code to it, and
 * the person types it back. A code is good for {@code CONCIERGE_PHONE_CODE_TTL_SECONDS} and {@code
 * CONCIERGE_PHONE_CODE_ATTEMPTS} tries; another may be asked for after {@code
 * CONCIERGE_PHONE_CODE_RESEND_SECONDS}, and one number gets at most {@value #CODES_PER_NUMBER}
 * codes an hour, however many accounts ask, so that nobody can flood a phone (or the company's SMS
 * bill) with codes. Whether a number is someone else's is never told: asking for a code answers the
 * same for every number.
 */
@ApplicationScoped
public class PhoneVerification {

  static final int CODES_PER_NUMBER = 5;

  /** Counted on each node: a cluster of n nodes lets through at most n times as many. */
  private final SlidingWindowLimiter codesPerNumber = new SlidingWindowLimiter(Duration.ofHours(1));

  @Inject MongoPhoneCodeRepository codes;
  @Inject MongoUserRepository users;
  @Inject PhoneCodeHasher hasher;
  @Inject Event<PhoneCodeIssued> issued;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Store store;

  /**
   * A code on its way: the number, until when it may be used, and when another may be asked for.
   */
  public record Sent(String phone, Instant expiresAt, Instant resendAfter) {}

  /**
   * Makes a code for {@code phone} (E.164, checked by the caller) and has it texted, in place of
   * any earlier code of the caller's.
   *
   * @throws RateLimited when the caller's last code was sent too recently, or the number has had
   *     its codes for the hour
   */
  public Sent request(Caller caller, String phone) {
    User user = account(caller);
    Instant now = clock.now();
    Duration lifetime = settings.phoneCodeLifetime();
    Duration resendDelay = settings.phoneCodeResendDelay();
    codesPerNumber
        .blockedFor(phone, CODES_PER_NUMBER, now)
        .ifPresent(
            wait -> {
              throw new RateLimited(
                  "This number has had too many codes in the last hour. Try again later.", wait);
            });
    String code = hasher.newCode();
    PhoneCode stored =
        new PhoneCode(
            user.id(), phone, hasher.hash(user.id(), phone, code), now, now.plus(lifetime), 0);
    if (!codes.replaceIfDue(stored, resendDelay)) {
      Duration wait =
          codes
              .find(user.id())
              .flatMap(previous -> previous.resendWait(resendDelay, clock.now()))
              .orElse(Duration.ofSeconds(1));
      throw new RateLimited("A code was sent a moment ago. Wait before asking for another.", wait);
    }
    try {
      issued.fire(new PhoneCodeIssued(user.id(), phone, code, now, lifetime));
    } catch (RuntimeException notQueued) {
      // A code that will never be sent must not hold off the next request.
      codes.delete(stored);
      throw notQueued;
    }
    codesPerNumber.record(phone, now);
    store.makeDurable();
    return new Sent(phone, stored.expiresAt(), now.plus(resendDelay));
  }

  /**
   * Checks {@code code} against the caller's latest; when it is right, its number becomes the
   * caller's verified phone.
   *
   * @return the caller's account as stored afterwards
   * @throws Invalid for a wrong code, saying how many tries are left
   * @throws Conflict when there is no code that may be tried: none asked for, expired, or its tries
   *     used up
   */
  public User confirm(Caller caller, String code) {
    User user = account(caller);
    int maxAttempts = settings.phoneCodeAttempts();
    Instant now = clock.now();
    PhoneCode tried =
        codes
            .countTry(user.id(), now, maxAttempts)
            .orElseThrow(() -> new Conflict(whyNoTry(codes.find(user.id()), now, maxAttempts)));
    if (!hasher.matches(tried, code)) {
      int left = maxAttempts - tried.attempts();
      throw new Invalid(
          "code",
          left > 0
              ? "is not the code we sent; " + left + (left == 1 ? " try" : " tries") + " left"
              : "is not the code we sent, and that was the last try: ask for a new code");
    }
    codes.delete(tried);
    User verified =
        users
            .verifyPhone(user.id(), tried.phone())
            .orElseThrow(() -> new Unauthorized("This account no longer exists."));
    store.makeDurable();
    return verified;
  }

  private static String whyNoTry(Optional<PhoneCode> code, Instant now, int maxAttempts) {
    if (code.isEmpty()) {
      return "No code is waiting: ask for one first.";
    }
    if (code.get().spent(maxAttempts)) {
      return "Too many wrong codes: this one is void. Ask for a new code.";
    }
    return "This code has expired. Ask for a new code.";
  }

  private User account(Caller caller) {
    return users
        .findById(caller.id())
        .orElseThrow(() -> new Unauthorized("This account no longer exists."));
  }
}
