package org.concierge.notify.push;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser keeps of its push subscription: a P-256 key pair and a 16-byte authentication
 * secret, made as a browser makes them. It reads what the server pushed by undoing RFC 8291's
 * aes128gcm encryption with the JDK's own cryptography, independently of the server's library.
 */
final class PushBrowser {

  private final KeyPair keys;
  private final byte[] auth = new byte[16];
  final String endpoint;

  PushBrowser(String endpoint) {
    this.endpoint = endpoint;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    new SecureRandom().nextBytes(auth);
  }

  /** The subscription's JSON, as {@code PushSubscription.toJSON()} gives it. */
  JsonObject subscription() {
    return Json.createObjectBuilder()
        .add("endpoint", endpoint)
        .addNull("expirationTime")
        .add(
            "keys",
            Json.createObjectBuilder()
                .add("p256dh", base64url(publicPoint((ECPublicKey) keys.getPublic())))
                .add("auth", base64url(auth)))
        .build();
  }

  /** The push's JSON payload, decrypted. */
  JsonObject read(byte[] body) throws GeneralSecurityException {
    ByteBuffer header = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    header.get(salt);
    int recordSize = header.getInt();
    byte[] serverPoint = new byte[header.get() & 0xff];
    header.get(serverPoint);
    byte[] ciphertext = new byte[header.remaining()];
    header.get(ciphertext);
    if (ciphertext.length > recordSize) {
      throw new IllegalStateException("more than one record: " + ciphertext.length);
    }

    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(keys.getPrivate());
    agreement.doPhase(publicKey(serverPoint), true);
    byte[] sharedSecret = agreement.generateSecret();

    byte[] browserPoint = publicPoint((ECPublicKey) keys.getPublic());
    byte[] keyInfo = concat(ascii("WebPush: info\0"), browserPoint, serverPoint);
    byte[] ikm = hmac(hmac(auth, sharedSecret), concat(keyInfo, new byte[] {1}));
    byte[] prk = hmac(salt, ikm);
    byte[] contentKey =
        Arrays.copyOf(
            hmac(prk, concat(ascii("Content-Encoding: aes128gcm\0"), new byte[] {1})), 16);
    byte[] nonce =
        Arrays.copyOf(hmac(prk, concat(ascii("Content-Encoding: nonce\0"), new byte[] {1})), 12);

    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(contentKey, "AES"),
        new GCMParameterSpec(128, nonce));
    byte[] padded = cipher.doFinal(ciphertext);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new IllegalStateException("the last record does not end with the delimiter 0x02");
    }
    String json = new String(padded, 0, end, StandardCharsets.UTF_8);
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** A P-256 public key from its uncompressed point. */
  static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
    if (point.length != 65 || point[0] != 4) {
      throw new IllegalArgumentException("not an uncompressed P-256 point");
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var curve = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
  }

  private static byte[] publicPoint(ECPublicKey key) {
    return concat(new byte[] {4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
  }

  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    for (byte[] part : parts) {
      out.put(part);
    }
    return out.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
