package org.concierge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

  @TempDir Path dataDir;

  @Test
  void generatesAPairOnceAndKeepsItInTheDataDirectory() throws Exception {
    TokenKeys first = TokenKeys.load(dataDir, Optional.empty(), Optional.empty());
    Path privateFile = dataDir.resolve("keys/token-private.pem");
    Path publicFile = dataDir.resolve("keys/token-public.pem");
    assertThat(privateFile).exists();
    assertThat(publicFile).exists();
    assertThat(first.publicKeyPem()).isEqualTo(Files.readString(publicFile));
    assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(first.privateKey().getAlgorithm()).isEqualTo("RSA");

    String privatePem = Files.readString(privateFile);
    TokenKeys again = TokenKeys.load(dataDir, Optional.empty(), Optional.empty());
    assertThat(Files.readString(privateFile)).isEqualTo(privatePem);
    assertSamePair(first, again);
    assertThat(signsAndVerifies(first, again)).isTrue();
    try (var entries = Files.list(dataDir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("keys");
    }
  }

  @Test
  void readsConfiguredKeyFilesInsteadOfTheDataDirectory() throws Exception {
    Path elsewhere = Files.createDirectory(dataDir.resolve("elsewhere"));
    TokenKeys generated = TokenKeys.load(elsewhere, Optional.empty(), Optional.empty());
    Path fresh = Files.createDirectory(dataDir.resolve("fresh"));
    TokenKeys configured =
        TokenKeys.load(
            fresh,
            Optional.of(elsewhere.resolve("keys/token-private.pem")),
            Optional.of(elsewhere.resolve("keys/token-public.pem")));
    assertSamePair(generated, configured);
    assertThat(fresh.resolve("keys")).doesNotExist();
  }

  @Test
  void twoStartsAtOnceAgreeOnOnePair() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path dir = dataDir.resolve("round-" + round);
      int starts = 4;
      CyclicBarrier together = new CyclicBarrier(starts);
      ExecutorService pool = Executors.newFixedThreadPool(starts);
      try {
        List<Future<TokenKeys>> loads = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
          loads.add(
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return TokenKeys.load(dir, Optional.empty(), Optional.empty());
                  }));
        }
        TokenKeys first = loads.get(0).get(60, TimeUnit.SECONDS);
        for (Future<TokenKeys> load : loads) {
          assertSamePair(first, load.get(60, TimeUnit.SECONDS));
        }
        assertSamePair(first, TokenKeys.load(dir, Optional.empty(), Optional.empty()));
        try (var entries = Files.list(dir)) {
          assertThat(entries.map(p -> p.getFileName().toString()))
              .as("no staging folder is left behind")
              .containsExactly("keys");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void assertSamePair(TokenKeys expected, TokenKeys actual) {
    assertThat(actual.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
    assertThat(actual.publicKey().getEncoded()).isEqualTo(expected.publicKey().getEncoded());
    assertThat(actual.publicKeyPem()).isEqualTo(expected.publicKeyPem());
  }

  private static boolean signsAndVerifies(TokenKeys signer, TokenKeys verifier) throws Exception {
    byte[] data = "header.payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature sign = Signature.getInstance("SHA256withRSA");
    sign.initSign(signer.privateKey());
    sign.update(data);
    byte[] signature = sign.sign();
    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(verifier.publicKey());
    verify.update(data);
    return verify.verify(signature);
  }
}
