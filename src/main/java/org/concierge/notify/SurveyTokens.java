package org.concierge.notify;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.concierge.identity.TokenKeys;
import org.concierge.identity.TokenVerificationConfigSource;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The token in a survey link: it lets the traveler of one closed chat rate that chat, and nothing
 * else. Signed with the server's token keys (so every node of a cluster accepts it) under an issuer
 * of its own, which the API's bearer-token check refuses.
 */
@ApplicationScoped
public class SurveyTokens {

  static final String ISSUER = TokenVerificationConfigSource.ISSUER + "/survey";
  private static final String AUDIENCE = "survey";
  private static final Duration LIFETIME = Duration.ofDays(30);

  /** What a valid token allows: rating {@code roomId} on behalf of its traveler. */
  public record Survey(String roomId, String travelerId, String travelerName) {}

  private TokenKeys keys;
  private JwtConsumer consumer;

  @PostConstruct
  void loadKeys() {
    keys = TokenKeys.fromEnvironment();
    consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireSubject()
            .setExpectedIssuer(ISSUER)
            .setExpectedAudience(AUDIENCE)
            .setVerificationKey(keys.publicKey())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .build();
  }

  public String issue(Survey survey) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(survey.roomId())
        .claim("traveler", survey.travelerId())
        .claim("name", survey.travelerName())
        .expiresIn(LIFETIME)
        .sign(keys.privateKey());
  }

  /** The survey a genuine, unexpired token grants; empty for anything else. */
  public Optional<Survey> verify(String token) {
    try {
      JwtClaims claims = consumer.processToClaims(token);
      String traveler = claims.getStringClaimValue("traveler");
      String name = claims.getStringClaimValue("name");
      if (traveler == null) {
        return Optional.empty();
      }
      return Optional.of(new Survey(claims.getSubject(), traveler, name == null ? "" : name));
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }
}
