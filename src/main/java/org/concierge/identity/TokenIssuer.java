package org.concierge.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.concierge.platform.Settings;

/** Signs the RS256 bearer tokens of API.md for a user. */
@ApplicationScoped
public class TokenIssuer {

  @Inject Settings settings;

  private TokenKeys keys;

  @PostConstruct
  void loadKeys() {
    keys = TokenKeys.fromEnvironment();
  }

  public String issue(User user) {
    return Jwt.issuer(TokenVerificationConfigSource.ISSUER)
        .subject(user.id())
        .upn(user.principalName())
        .groups(Set.of(user.role().wire()))
        .claim("name", user.name())
        .expiresIn(settings.tokenTtl())
        .sign(keys.privateKey());
  }
}
