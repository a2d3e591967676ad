package org.concierge.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.concierge.platform.Settings;

/**
 * The RSA key pair tokens are signed with. Unless key files are configured, it is generated on
 * first start and kept in the data directory, so tokens survive restarts; nodes of a cluster share
 * it by configuration.
 */
public record TokenKeys(PrivateKey privateKey, PublicKey publicKey, String publicKeyPem) {

  static final String PRIVATE_KEY_FILE = "CONCIERGE_TOKEN_PRIVATE_KEY_FILE";
  static final String PUBLIC_KEY_FILE = "CONCIERGE_TOKEN_PUBLIC_KEY_FILE";

  /**
   * The key pair as the settings locate it. Config sources need it before MicroProfile Config
   * exists, so this reads system properties, then environment variables, directly.
   */
  public static TokenKeys fromEnvironment() {
    return load(
        Path.of(setting(Settings.DATA_DIR).orElse(Settings.DATA_DIR_DEFAULT)).toAbsolutePath(),
        setting(PRIVATE_KEY_FILE).map(Path::of),
        setting(PUBLIC_KEY_FILE).map(Path::of));
  }

  private static Optional<String> setting(String name) {
    return Optional.ofNullable(System.getProperty(name))
        .or(() -> Optional.ofNullable(System.getenv(name)))
        .filter(v -> !v.isBlank());
  }

  /**
   * Loads the configured key files, or the pair in {@code dataDir/keys}, generating the latter when
   * missing.
   */
  public static TokenKeys load(
      Path dataDir, Optional<Path> privateFile, Optional<Path> publicFile) {
    try {
      if (privateFile.isPresent() && publicFile.isPresent()) {
        return read(privateFile.get(), publicFile.get());
      }
      Path dir = dataDir.resolve("keys");
      Path privatePath = dir.resolve("token-private.pem");
      Path publicPath = dir.resolve("token-public.pem");
      if (!Files.exists(privatePath)) {
        generate(dir, privatePath, publicPath);
      }
      return read(privatePath, publicPath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the token keys", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the token keys are not a valid RSA key pair", e);
    }
  }

  private static void generate(Path dir, Path privatePath, Path publicPath)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir.getParent());
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    // Both files are written in a fresh folder that is then renamed into place in one step, so
    // a reader never sees half a pair and the first of two concurrent starts wins.
    Path staging = Files.createTempDirectory(dir.getParent(), "keys-");
    Files.writeString(
        staging.resolve(publicPath.getFileName()),
        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.writeString(
        staging.resolve(privatePath.getFileName()),
        pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      // Another start put its pair in place first. Linux reports that as a plain "Directory not
      // empty" FileSystemException, not a DirectoryNotEmptyException.
      if (!Files.exists(privatePath)) {
        throw e;
      }
      try (var files = Files.list(staging)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(staging);
    }
  }

  private static TokenKeys read(Path privatePath, Path publicPath)
      throws IOException, GeneralSecurityException {
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PrivateKey privateKey =
        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privatePath))));
    String publicPem = Files.readString(publicPath, StandardCharsets.US_ASCII);
    PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
    return new TokenKeys(privateKey, publicKey, publicPem);
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
