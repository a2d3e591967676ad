package org.concierge.identity;

import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT how to verify Concierge's tokens: the public half of {@link TokenKeys} and
 * the issuer.
 */
public class TokenVerificationConfigSource implements ConfigSource {

  public static final String ISSUER = "concierge";

  private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  private static final String VERIFY_ISSUER = "mp.jwt.verify.issuer";

  private volatile String publicKeyPem;

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, VERIFY_ISSUER);
  }

  @Override
  public String getValue(String name) {
    return switch (name) {
      case PUBLIC_KEY -> publicKeyPem();
      case VERIFY_ISSUER -> ISSUER;
      default -> null;
    };
  }

  @Override
  public String getName() {
    return "concierge-token-keys";
  }

  @Override
  public int getOrdinal() {
    return 150;
  }

  private String publicKeyPem() {
    if (publicKeyPem == null) {
      publicKeyPem = TokenKeys.fromEnvironment().publicKeyPem();
    }
    return publicKeyPem;
  }
}
