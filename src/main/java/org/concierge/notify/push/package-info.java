/**
 * Web Push to agents whose dashboard is closed. The dashboard's service worker subscribes the
 * browser with the server's VAPID key; {@link org.concierge.notify.push.PushAlerts} writes a push
 * notification to the outbox for each subscription that should hear of an urgent chat or a
 * traveler's message, and {@link org.concierge.notify.push.PushCourier} encrypts each (RFC 8291)
 * and posts it to the browser's push service with a VAPID token (RFC 8292).
 */
package org.concierge.notify.push;
