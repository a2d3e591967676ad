package org.concierge.notify.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.concierge.platform.PrivateFiles;

/**
 * The P-256 key pair that identifies this server to browsers' push services (VAPID, RFC 8292), in
 * the form browsers and push libraries exchange it: base64url of the uncompressed public point (65
 * bytes) and of the private scalar (32 bytes). A browser's subscription is bound to the public key,
 * so the pair must outlive restarts and be the same on every node: it comes from the settings, or
 * is generated on first start into the data directory, as the token keys are.
 */
public record VapidKeys(String publicKey, String privateKey) {

  private static final String CURVE = "secp256r1";
  private static final int COORDINATE = 32;

  /**
   * The configured pair when both halves are set, else the pair in {@code dataDir/vapid}, generated
   * when missing. Refuses half a pair and a pair whose halves do not belong together.
   */
  public static VapidKeys load(
      Path dataDir, Optional<String> configuredPublic, Optional<String> configuredPrivate) {
    if (configuredPublic.isPresent() != configuredPrivate.isPresent()) {
      throw new IllegalStateException(
          "Set both CONCIERGE_VAPID_PUBLIC_KEY and CONCIERGE_VAPID_PRIVATE_KEY, or neither");
    }
    VapidKeys keys =
        configuredPublic.isPresent()
            ? new VapidKeys(configuredPublic.get(), configuredPrivate.get())
            : stored(dataDir.resolve("vapid"));
    keys.check();
    return keys;
  }

  /** The public key as raw bytes, the uncompressed point. */
  public byte[] publicKeyBytes() {
    return Base64.getUrlDecoder().decode(publicKey);
  }

  private static VapidKeys stored(Path dir) {
    Path publicFile = dir.resolve("public-key");
    Path privateFile = dir.resolve("private-key");
    try {
      if (!Files.exists(privateFile)) {
        generate(dir, publicFile, privateFile);
      }
      return new VapidKeys(
          Files.readString(publicFile, StandardCharsets.US_ASCII).strip(),
          Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the VAPID keys in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the VAPID keys", e);
    }
  }

  private static void generate(Path dir, Path publicFile, Path privateFile)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(CURVE));
    KeyPair pair = generator.generateKeyPair();
    ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
    byte[] point = new byte[1 + 2 * COORDINATE];
    point[0] = 4;
    System.arraycopy(fixed(w.getAffineX()), 0, point, 1, COORDINATE);
    System.arraycopy(fixed(w.getAffineY()), 0, point, 1 + COORDINATE, COORDINATE);
    byte[] scalar = fixed(((ECPrivateKey) pair.getPrivate()).getS());

    Files.createDirectories(dir.getParent());
    // Written in a fresh folder renamed into place in one step, like the token keys: a reader
    // never sees half a pair, and of two starts at once the first one's pair wins.
    Path staging = Files.createTempDirectory(dir.getParent(), "vapid-");
    Files.writeString(staging.resolve(publicFile.getFileName()), encode(point) + "\n");
    Path stagedPrivate = staging.resolve(privateFile.getFileName());
    Files.writeString(stagedPrivate, encode(scalar) + "\n");
    PrivateFiles.ownerOnly(stagedPrivate);
    try {
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (!Files.exists(privateFile)) {
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

  /** Fails unless both halves decode to P-256 keys that sign and verify together. */
  private void check() {
    try {
      byte[] point = Base64.getUrlDecoder().decode(publicKey);
      byte[] scalar = Base64.getUrlDecoder().decode(privateKey);
      if (point.length != 1 + 2 * COORDINATE || point[0] != 4 || scalar.length != COORDINATE) {
        throw new IllegalStateException(
            "The VAPID public key must be a 65-byte uncompressed P-256 point and the private key a"
                + " 32-byte scalar, both base64url");
      }
      ECParameterSpec curve = curve();
      KeyFactory factory = KeyFactory.getInstance("EC");
      var publicKeyObject =
          factory.generatePublic(
              new ECPublicKeySpec(
                  new ECPoint(
                      new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORDINATE)),
                      new BigInteger(1, Arrays.copyOfRange(point, 1 + COORDINATE, point.length))),
                  curve));
      var privateKeyObject =
          factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve));
      byte[] probe = "vapid".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(privateKeyObject);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(publicKeyObject);
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException("The VAPID public and private keys are not one pair");
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalStateException("The VAPID keys are not valid P-256 keys: " + e.getMessage());
    }
  }

  private static ECParameterSpec curve() throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(CURVE));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  /** An unsigned big-endian number in exactly 32 bytes. */
  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[COORDINATE];
    int copy = Math.min(bytes.length, COORDINATE);
    System.arraycopy(bytes, bytes.length - copy, out, COORDINATE - copy, copy);
    return out;
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
