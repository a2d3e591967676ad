package org.concierge.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.concierge.identity.Caller;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Settings;
import org.concierge.platform.Unauthorized;

/**
 * Who may call the booking API: the booking system, with the key of {@code
 * CONCIERGE_BOOKING_API_KEY} in the {@code X-Api-Key} header, and admins, with their own token, to
 * put a booking's messages right by hand. The booking system is a machine with no account on the
 * desk: a key of its own grants it this API and nothing else, does not expire as tokens do, and is
 * replaced by changing one setting. It is not sent as a bearer token because the server checks
 * every bearer token as one of its own before the application sees the request. Travelers and
 * agents may not text travelers' phones.
 */
@ApplicationScoped
public class BookingSystemAccess {

  /** The header the booking system sends its key in. */
  public static final String KEY_HEADER = "X-Api-Key";

  @Inject Settings settings;

  /**
   * @param signedIn the caller of a valid Concierge token, if the request carries one
   * @param apiKey the key the request carries, if any; it speaks for the request when present
   * @throws Unauthorized for a wrong key, or neither a key nor a Concierge token
   * @throws Forbidden for a Concierge token of anyone but an admin
   */
  public void check(Optional<Caller> signedIn, Optional<String> apiKey) {
    if (apiKey.isPresent()) {
      Optional<String> key = settings.bookingApiKey();
      if (key.isEmpty() || !sameSecret(key.get(), apiKey.get())) {
        throw new Unauthorized("This is not the booking system's key (CONCIERGE_BOOKING_API_KEY).");
      }
      return;
    }
    if (signedIn.isEmpty()) {
      throw new Unauthorized(
          "The booking API needs the booking system's key in the "
              + KEY_HEADER
              + " header, or an admin's token.");
    }
    if (!signedIn.get().isAdmin()) {
      throw new Forbidden("The booking API is for the booking system's key and for admins.");
    }
  }

  /**
   * Compares digests, which have one length, in time that does not depend on where they differ: the
   * answer's timing tells a guesser neither how much of the key was right nor how long it is.
   */
  private static boolean sameSecret(String expected, String given) {
    return MessageDigest.isEqual(sha256(expected), sha256(given));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
