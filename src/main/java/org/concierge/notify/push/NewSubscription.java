package org.concierge.notify.push;

/**
 * A browser's push subscription as a caller hands it in, checked: an endpoint the server may post
 * to, and the browser's keys in unpadded base64url.
 */
public record NewSubscription(String endpoint, String p256dh, String auth) {}
