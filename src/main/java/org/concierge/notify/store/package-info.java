/** The outbox in the store: the {@code notifications} collection. */
package org.concierge.notify.store;
