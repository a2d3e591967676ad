package org.concierge.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Salted, deliberately slow password hashes (PBKDF2 with HMAC-SHA256), so a stolen user collection
 * does not give the passwords away.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** Verified against when an email is unknown, so both failures take the same time. */
  private String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "120000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = hash("not-a-password");
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  /** Checks a password; a null hash (a visitor, an unknown email) never matches. */
  public boolean matches(String password, String hash) {
    boolean matches = pbkdf2.verify(password.toCharArray(), hash == null ? decoy : hash);
    return hash != null && matches;
  }
}
