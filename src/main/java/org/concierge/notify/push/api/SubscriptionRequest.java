package org.concierge.notify.push.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.concierge.notify.push.NewSubscription;
import org.concierge.platform.FieldChecks;

/**
 * {@code POST /api/me/push-subscriptions}: the browser's {@code PushSubscription} as its {@code
 * toJSON()} gives it. The endpoint must be a push service the server may post to (https, and not
 * this machine unless {@code CONCIERGE_PUSH_ALLOW_LOOPBACK} allows it); the keys must be a P-256
 * point and a 16-byte secret, or nothing sent to the browser could be read there.
 */
public record SubscriptionRequest(String endpoint, Long expirationTime, Keys keys) {

  /** {@code keys} of the subscription, base64url. */
  public record Keys(String p256dh, String auth) {}

  static final int ENDPOINT_MAX = 2048;
  private static final int POINT_LENGTH = 65;
  private static final int AUTH_LENGTH = 16;
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  NewSubscription validate(boolean allowLoopback) {
    FieldChecks checks = new FieldChecks();
    String url = checks.text("endpoint", endpoint, 1, ENDPOINT_MAX, true);
    if (url != null) {
      checkEndpoint(checks, url, allowLoopback);
    }
    String p256dh = null;
    String auth = null;
    if (keys == null) {
      checks.add("keys", "is required ({p256dh, auth})");
    } else {
      p256dh = key(checks, "keys.p256dh", keys.p256dh(), POINT_LENGTH);
      auth = key(checks, "keys.auth", keys.auth(), AUTH_LENGTH);
      if (p256dh != null && !onCurve(p256dh)) {
        checks.add("keys.p256dh", "must be a point of the P-256 curve");
      }
    }
    checks.throwIfInvalid();
    return new NewSubscription(url, p256dh, auth);
  }

  private static void checkEndpoint(FieldChecks checks, String url, boolean allowLoopback) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      checks.add("endpoint", "must be a URL");
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      checks.add("endpoint", "must be the URL of a push service");
      return;
    }
    boolean loopback = isLoopback(host.toLowerCase(Locale.ROOT));
    if (loopback && !allowLoopback) {
      checks.add("endpoint", "must not point at this server");
    } else if (!scheme.equals("https") && !(loopback && scheme.equals("http"))) {
      checks.add("endpoint", "must be an https URL");
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || IPV4_LOOPBACK.matcher(host).matches()
        || host.equals("[::1]");
  }

  /** The key in unpadded base64url, or null (and a problem recorded) when it is not one. */
  private static String key(FieldChecks checks, String field, String raw, int length) {
    if (raw == null || raw.isBlank()) {
      checks.add(field, "is required");
      return null;
    }
    String unpadded = raw.strip().replaceAll("=+$", "");
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(unpadded);
    } catch (IllegalArgumentException e) {
      checks.add(field, "must be base64url");
      return null;
    }
    if (bytes.length != length) {
      checks.add(field, "must be " + length + " bytes");
      return null;
    }
    return unpadded;
  }

  private static boolean onCurve(String p256dh) {
    try {
      ECNamedCurveTable.getParameterSpec("prime256v1")
          .getCurve()
          .decodePoint(Base64.getUrlDecoder().decode(p256dh));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
