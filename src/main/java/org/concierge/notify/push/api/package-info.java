/** The push endpoints: the server's VAPID key and the caller's push subscriptions. */
package org.concierge.notify.push.api;
