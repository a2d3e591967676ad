package org.concierge.notify.push;

import java.time.Instant;

/**
 * One browser's push subscription of one agent or admin, as the browser's {@code PushSubscription}
 * gave it: the push service's endpoint to post to, and the keys to encrypt for that browser.
 *
 * @param p256dh base64url of the browser's P-256 public key (the uncompressed point)
 * @param auth base64url of the browser's 16-byte authentication secret
 */
public record PushSubscription(
    String id,
    String userId,
    String endpoint,
    String p256dh,
    String auth,
    Instant createdAt,
    Instant updatedAt) {}
