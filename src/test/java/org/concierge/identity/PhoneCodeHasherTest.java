package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.concierge.platform.ServerSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhoneCodeHasherTest {

  private final PhoneCodeHasher hasher = new PhoneCodeHasher();

  @BeforeEach
  void keyed() {
    hasher.secret = secretOf((byte) 7);
    hasher.deriveKey();
  }

  @Test
  void codesAreSixDigitsLeadingZerosKept() {
    Set<Character> firstDigits = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = hasher.newCode();
      assertThat(code).matches("[0-9]{6}");
      firstDigits.add(code.charAt(0));
    }
    assertThat(firstDigits).contains('0').hasSize(10);
  }

  @Test
  void matchesOnlyTheCodeSentToThatPersonAndNumber() {
    String hash = hasher.hash("u1", "+41446681800", "042917");
    PhoneCode stored = code("u1", "+41446681800", hash);

    assertThat(hash).doesNotContain("042917").hasSize(64);
    assertThat(hasher.matches(stored, "042917")).isTrue();
    assertThat(hasher.matches(stored, "042918")).isFalse();
    assertThat(hasher.matches(code("u2", "+41446681800", hash), "042917")).isFalse();
    assertThat(hasher.matches(code("u1", "+41446681801", hash), "042917")).isFalse();
  }

  @Test
  void anotherServerKeyMakesAnotherHash() {
    String hash = hasher.hash("u1", "+41446681800", "042917");
    PhoneCodeHasher other = new PhoneCodeHasher();
    other.secret = secretOf((byte) 8);
    other.deriveKey();

    assertThat(other.hash("u1", "+41446681800", "042917")).isNotEqualTo(hash);
  }

  private static PhoneCode code(String userId, String phone, String hash) {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    return new PhoneCode(userId, phone, hash, now, now.plusSeconds(300), 0);
  }

  /** A server secret whose keys are all made of one byte value. */
  private static ServerSecret secretOf(byte fill) {
    return new ServerSecret() {
      @Override
      public SecretKey derive(String purpose, String algorithm) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return new SecretKeySpec(key, algorithm);
      }
    };
  }
}
