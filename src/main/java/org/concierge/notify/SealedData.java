package org.concierge.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.concierge.platform.ServerSecret;

/**
 * Secrets a notification must carry to its courier, a phone verification code say, which the store
 * must not hold in plain text: an outbox entry waits there until it is sent, and is kept as a
 * record after. Such a value is sealed (AES-256-GCM under a key derived from the {@link
 * ServerSecret}, which is never in the store) when the notification is queued; the outbox worker
 * opens it in memory just before the courier renders the message, and erases it from the store once
 * the notification is sent, skipped or given up, so even the key cannot bring it back later.
 */
@ApplicationScoped
public class SealedData {

  /** What starts a sealed value in a notification's data; nothing after it: erased. */
  static final String PREFIX = "sealed:";

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject ServerSecret secret;

  private final SecureRandom random = new SecureRandom();
  private SecretKey key;

  @PostConstruct
  void deriveKey() {
    key = secret.derive("outbox-sealed-data", "AES");
  }

  /** {@code plain} sealed, to be put in a notification's data in its stead. */
  public String seal(String plain) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
    }
  }

  /**
   * The notification with its sealed values opened, for the courier; never to be stored.
   *
   * @throws Undeliverable when a value was erased (a notification sent before, retried by hand) or
   *     sealed with another server key
   */
  public Notification open(Notification notification) {
    List<String> sealedKeys = sealedKeys(notification);
    if (sealedKeys.isEmpty()) {
      return notification;
    }
    Map<String, String> data = new HashMap<>(notification.data());
    for (String name : sealedKeys) {
      data.put(name, open(data.get(name)));
    }
    return new Notification(
        notification.id(),
        notification.channel(),
        notification.kind(),
        notification.recipientId(),
        notification.address(),
        notification.subject(),
        notification.roomId(),
        data,
        notification.state(),
        notification.attempts(),
        notification.nextAttemptAt(),
        notification.leaseUntil(),
        notification.lastError(),
        notification.createdAt(),
        notification.sentAt(),
        notification.reference(),
        notification.dedupeKey());
  }

  /** The names of the sealed values in a notification's data, which the store erases once done. */
  public static List<String> sealedKeys(Notification notification) {
    return notification.data().entrySet().stream()
        .filter(entry -> entry.getValue().startsWith(PREFIX))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** What an erased value is replaced with, so that it still reads as sealed. */
  public static String erased() {
    return PREFIX;
  }

  private String open(String sealed) {
    String body = sealed.substring(PREFIX.length());
    if (body.isEmpty()) {
      throw new Undeliverable(
          "Its secret was erased once it was sent; the person must ask for a new one.", null);
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(body));
      byte[] iv = new byte[IV_BYTES];
      bytes.get(iv);
      byte[] rest = new byte[bytes.remaining()];
      bytes.get(rest);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      return new String(cipher.doFinal(rest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException | BufferUnderflowException e) {
      throw new Undeliverable(
          "Its secret was sealed with another server key (CONCIERGE_SERVER_KEY_FILE).", e);
    }
  }
}
