/** Push subscriptions in the store: the {@code push_subscriptions} collection. */
package org.concierge.notify.push.store;
