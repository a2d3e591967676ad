package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.concierge.platform.ServerSecret;
import org.junit.jupiter.api.Test;

class SealedDataTest {

  private final SealedData sealed = sealedWith((byte) 1);

  @Test
  void aSealedValueHidesItsTextAndOpensForTheCourierOnly() {
    String code = sealed.seal("042917");
    Notification stored = notification(Map.of("code", code, "company", "Northwind Travel"));

    assertThat(code).startsWith("sealed:").doesNotContain("042917");
    assertThat(sealed.seal("042917")).as("a fresh nonce each time").isNotEqualTo(code);
    assertThat(SealedData.sealedKeys(stored)).containsExactly("code");

    Notification opened = sealed.open(stored);
    assertThat(opened.data())
        .containsEntry("code", "042917")
        .containsEntry("company", "Northwind Travel");
    assertThat(opened.id()).isEqualTo(stored.id());
    assertThat(stored.data().get("code")).isEqualTo(code);
  }

  @Test
  void aNotificationWithoutSecretsIsHandedOnAsItIs() {
    Notification plain = notification(Map.of("company", "Northwind Travel"));

    assertThat(sealed.open(plain)).isSameAs(plain);
    assertThat(SealedData.sealedKeys(plain)).isEmpty();
  }

  @Test
  void anErasedValueCannotBeSentAgain() {
    Notification erased = notification(Map.of("code", SealedData.erased()));

    assertThat(SealedData.sealedKeys(erased)).containsExactly("code");
    assertThatThrownBy(() -> sealed.open(erased))
        .isInstanceOf(Undeliverable.class)
        .hasMessageContaining("erased");
  }

  @Test
  void aValueSealedUnderAnotherKeyOrAlteredIsRefused() {
    String code = sealed.seal("042917");
    SealedData otherServer = sealedWith((byte) 2);
    // A character in the middle carries six bits of the sealed bytes (the last may carry fewer).
    int middle = code.length() / 2;
    char replaced = code.charAt(middle) == 'A' ? 'B' : 'A';
    String altered = code.substring(0, middle) + replaced + code.substring(middle + 1);

    assertThatThrownBy(() -> otherServer.open(notification(Map.of("code", code))))
        .isInstanceOf(Undeliverable.class);
    assertThatThrownBy(() -> sealed.open(notification(Map.of("code", altered))))
        .isInstanceOf(Undeliverable.class);
    assertThatThrownBy(() -> sealed.open(notification(Map.of("code", "sealed:AAAA"))))
        .isInstanceOf(Undeliverable.class);
  }

  private static SealedData sealedWith(byte fill) {
    SealedData data = new SealedData();
    data.secret =
        new ServerSecret() {
          @Override
          public SecretKey derive(String purpose, String algorithm) {
            byte[] key = new byte[32];
            Arrays.fill(key, fill);
            return new SecretKeySpec(key, algorithm);
          }
        };
    data.deriveKey();
    return data;
  }

  private static Notification notification(Map<String, String> data) {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    return Notification.pending(
        "n1",
        Channel.SMS,
        NotificationKind.PHONE_VERIFICATION,
        null,
        "+41446681800",
        null,
        null,
        data,
        "phone-code:u1:1",
        now,
        now);
  }
}
