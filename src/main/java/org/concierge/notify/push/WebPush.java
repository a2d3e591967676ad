package org.concierge.notify.push;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.concierge.platform.Settings;
import org.jose4j.lang.JoseException;

/**
 * Posts encrypted pushes to browsers' push services. The web-push library encrypts the payload for
 * the browser (RFC 8291, aes128gcm) and signs the VAPID token (RFC 8292); the JDK's HTTP client
 * carries the request, with short time-outs, so a push service that hangs is a failed try for the
 * outbox to repeat. The VAPID keys are loaded at start, so that a bad setting stops the deployment
 * instead of every push.
 */
@ApplicationScoped
public class WebPush {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);
  private static final String CRYPTO_KEY = "Crypto-Key";

  @Inject Settings settings;
  @Inject BouncyCastle bouncyCastle;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private VapidKeys keys;
  private String subject;
  private Signer signer;
  private HttpClient http;

  /** What the push service answered. */
  public record Answer(int status, Optional<String> location, String body) {}

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    keys();
    bouncyCastle.unavailable();
  }

  /** The server's VAPID key pair, read or generated at the first call. */
  public synchronized VapidKeys keys() {
    if (keys == null) {
      String configuredSubject = settings.vapidSubject();
      if (!configuredSubject.startsWith("mailto:") && !configuredSubject.startsWith("https:")) {
        throw new IllegalStateException(
            "CONCIERGE_VAPID_SUBJECT must be a mailto: or https: address, not "
                + configuredSubject);
      }
      keys =
          VapidKeys.load(settings.dataDir(), settings.vapidPublicKey(), settings.vapidPrivateKey());
      subject = configuredSubject;
    }
    return keys;
  }

  /** Why pushes cannot be sent in this server; empty when they can. */
  public Optional<String> unavailable() {
    return bouncyCastle.unavailable();
  }

  /**
   * Encrypts {@code payload} for the subscription's browser and posts it to its push service.
   *
   * @param topic replaces an earlier push of the same topic that the push service still holds
   */
  public Answer send(
      PushSubscription to, byte[] payload, Duration ttl, boolean urgent, String topic)
      throws IOException, GeneralSecurityException, JoseException, InterruptedException {
    Message message =
        new Message(
            to.endpoint(),
            (ECPublicKey) Utils.loadPublicKey(to.p256dh()),
            Base64.getUrlDecoder().decode(to.auth()),
            payload,
            (int) ttl.toSeconds(),
            urgent ? Urgency.HIGH : Urgency.NORMAL,
            topic);
    nl.martijndwars.webpush.HttpRequest prepared = signer().prepare(message);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(prepared.getUrl()))
            .timeout(ANSWER_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
    prepared
        .getHeaders()
        .forEach(
            (name, value) -> {
              // With aes128gcm the key travels in the Authorization header (k=). Version 5.1.2 also
              // sends the drafts' Crypto-Key header, base64 with padding, which push services do
              // not need and some refuse (fixed in the library after 5.1.2).
              if (!CRYPTO_KEY.equalsIgnoreCase(name)) {
                request.header(name, value);
              }
            });
    HttpResponse<String> response =
        client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(), response.headers().firstValue("Location"), response.body());
  }

  private synchronized Signer signer() throws GeneralSecurityException {
    if (signer == null) {
      VapidKeys pair = keys();
      signer =
          new Signer(
              new KeyPair(
                  Utils.loadPublicKey(pair.publicKey()), Utils.loadPrivateKey(pair.privateKey())),
              subject);
    }
    return signer;
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .executor(executor)
              .build();
    }
    return http;
  }

  /** The library's preparation of a push request, without its own HTTP clients. */
  private static final class Signer extends AbstractPushService<Signer> {

    Signer(KeyPair keyPair, String subject) {
      super(keyPair, subject);
    }

    nl.martijndwars.webpush.HttpRequest prepare(Notification message)
        throws GeneralSecurityException, IOException, JoseException {
      return prepareRequest(message, Encoding.AES128GCM);
    }
  }

  /**
   * The library's message, with the audience of its VAPID token as RFC 8292 wants it: the push
   * service's origin including a port that is not the default one, which the library leaves out.
   */
  private static final class Message extends Notification {

    Message(
        String endpoint,
        ECPublicKey userPublicKey,
        byte[] userAuth,
        byte[] payload,
        int ttl,
        Urgency urgency,
        String topic) {
      super(endpoint, userPublicKey, userAuth, payload, ttl, urgency, topic);
    }

    @Override
    public String getOrigin() {
      URI endpoint = URI.create(getEndpoint());
      int port = endpoint.getPort();
      boolean defaultPort =
          port == -1
              || ("https".equals(endpoint.getScheme()) && port == 443)
              || ("http".equals(endpoint.getScheme()) && port == 80);
      return endpoint.getScheme() + "://" + endpoint.getHost() + (defaultPort ? "" : ":" + port);
    }
  }
}
