package org.concierge.notify.push.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.concierge.notify.push.NewSubscription;
import org.concierge.platform.Invalid;
import org.junit.jupiter.api.Test;

class SubscriptionRequestTest {

  private static final String AUTH = Base64.getUrlEncoder().encodeToString(new byte[16]);

  @Test
  void acceptsABrowsersSubscriptionAndDropsThePadding() throws Exception {
    String point = point();
    NewSubscription accepted =
        new SubscriptionRequest(
                "https://fcm.googleapis.com/fcm/send/abc",
                null,
                new SubscriptionRequest.Keys(point + "=", AUTH))
            .validate(false);
    assertThat(accepted.endpoint()).isEqualTo("https://fcm.googleapis.com/fcm/send/abc");
    assertThat(accepted.p256dh()).isEqualTo(point);
    assertThat(accepted.auth()).isEqualTo(AUTH.replace("=", ""));
  }

  @Test
  void loopbackEndpointsOnlyWhenAllowedAndPlainHttpOnlyThere() throws Exception {
    SubscriptionRequest.Keys keys = new SubscriptionRequest.Keys(point(), AUTH);
    assertRefused(new SubscriptionRequest("http://127.0.0.1:9990/management", null, keys), false);
    assertRefused(new SubscriptionRequest("https://localhost/push", null, keys), false);
    assertRefused(new SubscriptionRequest("http://push.example/x", null, keys), true);
    assertRefused(new SubscriptionRequest("ftp://push.example/x", null, keys), true);
    assertRefused(new SubscriptionRequest("https://user@push.example/x", null, keys), true);
    assertThat(
            new SubscriptionRequest("http://127.0.0.1:8123/push/1", null, keys)
                .validate(true)
                .endpoint())
        .isEqualTo("http://127.0.0.1:8123/push/1");
  }

  @Test
  void aKeyThatIsNoPointOfTheCurveIsRefused() {
    byte[] notOnCurve = new byte[65];
    notOnCurve[0] = 4;
    notOnCurve[64] = 7;
    SubscriptionRequest request =
        new SubscriptionRequest(
            "https://push.example/x",
            null,
            new SubscriptionRequest.Keys(
                Base64.getUrlEncoder().withoutPadding().encodeToString(notOnCurve), AUTH));
    assertThatThrownBy(() -> request.validate(false))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(Invalid.FieldError::field)
                    .contains("keys.p256dh"));
  }

  private static void assertRefused(SubscriptionRequest request, boolean allowLoopback) {
    assertThatThrownBy(() -> request.validate(allowLoopback))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(Invalid.FieldError::field)
                    .containsExactly("endpoint"));
  }

  private static String point() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
    byte[] point = new byte[65];
    point[0] = 4;
    byte[] x = key.getW().getAffineX().toByteArray();
    byte[] y = key.getW().getAffineY().toByteArray();
    System.arraycopy(
        x,
        Math.max(0, x.length - 32),
        point,
        1 + 32 - Math.min(32, x.length),
        Math.min(32, x.length));
    System.arraycopy(
        y,
        Math.max(0, y.length - 32),
        point,
        33 + 32 - Math.min(32, y.length),
        Math.min(32, y.length));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
  }
}
