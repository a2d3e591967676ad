package org.concierge.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Checks a token where no HTTP authentication applies (the first frame of a WebSocket): the RS256
 * signature against the key pair of {@link TokenKeys}, the issuer and the expiry, exactly as the
 * REST endpoints' MicroProfile JWT does; and, as {@code AccountStandingFilter} does for REST, that
 * the token still speaks for its account (see {@link AccountStanding}).
 */
@ApplicationScoped
public class TokenVerifier {

  @Inject AccountStanding standing;

  private JwtConsumer consumer;

  @PostConstruct
  void loadKey() {
    consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(TokenVerificationConfigSource.ISSUER)
            .setVerificationKey(TokenKeys.fromEnvironment().publicKey())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .build();
  }

  /**
   * The caller a valid token names; empty for a forged, expired or malformed one, or one that no
   * longer speaks for its account.
   */
  public Optional<Caller> verify(String token) {
    try {
      JwtClaims claims = consumer.processToClaims(token);
      List<String> groups = claims.getStringListClaimValue("groups");
      if (groups == null || groups.size() != 1) {
        return Optional.empty();
      }
      String name = claims.getStringClaimValue("name");
      Caller caller =
          new Caller(claims.getSubject(), name == null ? "" : name, Role.fromWire(groups.get(0)));
      return standing.admits(caller.id(), caller.role()) ? Optional.of(caller) : Optional.empty();
    } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
