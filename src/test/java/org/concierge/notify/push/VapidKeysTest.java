package org.concierge.notify.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeysTest {

  @TempDir Path dataDir;

  @Test
  void generatesAPairOnceAndKeepsItInTheDataDirectory() throws Exception {
    VapidKeys first = VapidKeys.load(dataDir, Optional.empty(), Optional.empty());
    assertThat(first.publicKeyBytes()).hasSize(65).startsWith(4);
    assertThat(Files.readString(dataDir.resolve("vapid/public-key")).strip())
        .isEqualTo(first.publicKey());
    assertThat(Files.readString(dataDir.resolve("vapid/private-key")).strip())
        .isEqualTo(first.privateKey());

    assertThat(VapidKeys.load(dataDir, Optional.empty(), Optional.empty())).isEqualTo(first);
  }

  @Test
  void usesTheConfiguredPairInsteadOfTheDataDirectory() {
    VapidKeys generated =
        VapidKeys.load(dataDir.resolve("one"), Optional.empty(), Optional.empty());
    Path other = dataDir.resolve("other");
    VapidKeys configured =
        VapidKeys.load(
            other, Optional.of(generated.publicKey()), Optional.of(generated.privateKey()));
    assertThat(configured).isEqualTo(generated);
    assertThat(other.resolve("vapid")).doesNotExist();
  }

  @Test
  void refusesHalfAPairAndHalvesOfTwoPairs() {
    VapidKeys one = VapidKeys.load(dataDir.resolve("one"), Optional.empty(), Optional.empty());
    VapidKeys two = VapidKeys.load(dataDir.resolve("two"), Optional.empty(), Optional.empty());
    assertThatThrownBy(
            () -> VapidKeys.load(dataDir, Optional.of(one.publicKey()), Optional.empty()))
        .hasMessageContaining("CONCIERGE_VAPID_PRIVATE_KEY");
    assertThatThrownBy(
            () ->
                VapidKeys.load(
                    dataDir, Optional.of(one.publicKey()), Optional.of(two.privateKey())))
        .hasMessageContaining("not one pair");
    assertThatThrownBy(
            () -> VapidKeys.load(dataDir, Optional.of("BAAA"), Optional.of(one.privateKey())))
        .hasMessageContaining("65-byte");
  }
}
