package org.concierge.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's own secret key, which never leaves the server and never enters the store: a store
 * that leaks (a backup, a copied database) then reveals neither the verification codes hashed with
 * it nor the secrets sealed with it. It is 256 random bits in {@code CONCIERGE_SERVER_KEY_FILE},
 * generated on first start into the data directory unless configured; every node of a cluster needs
 * the same file. Each use gets a key of its own, derived from it by name.
 */
@ApplicationScoped
public class ServerSecret {

  static final String KEY_FILE = "CONCIERGE_SERVER_KEY_FILE";
  private static final int KEY_BYTES = 32;

  @Inject Settings settings;

  private byte[] master;

  @PostConstruct
  void load() {
    master = loadOrCreate(settings.serverKeyFile());
  }

  /**
   * The key for one purpose, {@code HMAC-SHA256(master, purpose)}: keys of different purposes are
   * unrelated, so one of them in the wrong hands does not give away the others.
   */
  public SecretKey derive(String purpose, String algorithm) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  /**
   * Reads the key in {@code file}, first writing a fresh one there when there is none. The new key
   * is written to a file of its own and then linked into place, which fails when the file exists:
   * so no reader sees half a key, and of two servers starting on one data directory the first wins
   * and the second reads its key.
   */
  static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
      if (key.length < KEY_BYTES) {
        throw new IllegalStateException(
            file + " holds a key of " + key.length + " bytes; " + KEY_BYTES + " are needed");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the server key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path staging = Files.createTempFile(file.toAbsolutePath().getParent(), "server-key-", ".tmp");
    try {
      PrivateFiles.ownerOnly(staging);
      Files.writeString(staging, Base64.getEncoder().encodeToString(key) + "\n");
      Files.createLink(file, staging);
    } catch (FileAlreadyExistsException anotherStartWasFirst) {
      // Its key is the one every node reads.
    } finally {
      Files.deleteIfExists(staging);
    }
  }
}
