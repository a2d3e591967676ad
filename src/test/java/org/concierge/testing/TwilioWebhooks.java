package org.concierge.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls the server's Twilio webhooks as Twilio does: a form post signed with the account's auth
 * token, the signature computed as Twilio documents it (HMAC-SHA1 over the address called and the
 * form's fields sorted by name, in Base64), independently of the SDK the server checks it with.
 */
public final class TwilioWebhooks {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;

  public TwilioWebhooks(ConciergeServer server) {
    this.base = server.baseUri();
  }

  /**
   * Posts {@code form} to {@code path}, signed with the auth token the server is configured with.
   */
  public Reply signed(String path, Map<String, String> form) {
    return post(path, form, signature(path, form, TwilioStandIn.AUTH_TOKEN));
  }

  /** Posts {@code form} to {@code path} with this signature, or with none when it is null. */
  public Reply post(String path, Map<String, String> form, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Twilio's signature of a post of {@code form} to {@code path}, made with {@code token}. */
  public String signature(String path, Map<String, String> form, String token) {
    return sign(base.resolve(path).toString(), form, token);
  }

  /** Twilio's signature of a post of {@code form} to the address {@code url}. */
  static String sign(String url, Map<String, String> form, String token) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
