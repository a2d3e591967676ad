package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {

  @TempDir Path dataDir;

  @Test
  void generatesAKeyOnceReadableByItsOwnerOnlyAndKeepsIt() throws Exception {
    Path file = dataDir.resolve("secret/server.key");
    byte[] first = ServerSecret.loadOrCreate(file);

    assertThat(first).hasSize(32);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(ServerSecret.loadOrCreate(file)).isEqualTo(first);
    try (var entries = Files.list(file.getParent())) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("server.key");
    }
  }

  @Test
  void twoStartsAtOnceAgreeOnOneKey() throws Exception {
    Path file = dataDir.resolve("secret/server.key");
    int starts = 8;
    CyclicBarrier together = new CyclicBarrier(starts);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<byte[]>> keys = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        Callable<byte[]> start =
            () -> {
              together.await(10, TimeUnit.SECONDS);
              return ServerSecret.loadOrCreate(file);
            };
        keys.add(pool.submit(start));
      }
      byte[] first = keys.get(0).get(10, TimeUnit.SECONDS);
      for (Future<byte[]> key : keys) {
        assertThat(key.get(10, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAKeyThatIsTooShort() throws Exception {
    Path file = dataDir.resolve("short.key");
    Files.writeString(file, "c2hvcnQ=\n");

    assertThatThrownBy(() -> ServerSecret.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32");
  }
}
