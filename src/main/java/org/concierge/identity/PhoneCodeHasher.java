package org.concierge.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.concierge.platform.ServerSecret;

/**
 * Makes verification codes and the only form in which the store keeps them. A code has six digits,
 * a million values: a plain or salted hash of one is undone by trying them all in a second, so the
 * hash is keyed (HMAC-SHA256 under a key derived from the {@link ServerSecret}, which is never in
 * the store), and binds the code to the person and the number it was sent to.
 */
@ApplicationScoped
public class PhoneCodeHasher {

  private static final int CODES = 1_000_000;

  @Inject ServerSecret secret;

  private final SecureRandom random = new SecureRandom();
  private SecretKey key;

  @PostConstruct
  void deriveKey() {
    key = secret.derive("phone-verification-codes", "HmacSHA256");
  }

  /** A fresh code of six digits, leading zeros kept. */
  public String newCode() {
    return String.format("%06d", random.nextInt(CODES));
  }

  public String hash(String userId, String phone, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // The lengths go first, so that no two different triples run together into the same input.
      String input =
          userId.length() + ":" + userId + ":" + phone.length() + ":" + phone + ":" + code;
      return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  /**
   * True when {@code code} is the one {@code stored} was made from; it takes as long whichever
   * digit is wrong, so the answer's timing tells a guesser nothing.
   */
  public boolean matches(PhoneCode stored, String code) {
    byte[] expected = stored.codeHash().getBytes(StandardCharsets.US_ASCII);
    byte[] given = hash(stored.userId(), stored.phone(), code).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}
