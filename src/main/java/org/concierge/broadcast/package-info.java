/**
 * Broadcasts: an admin's email or text message to a whole audience (the travelers who chatted in a
 * period, every agent, every admin). A broadcast is written to the outbox at once, one notification
 * per person, each due at its own slot so that the outbox worker sends them at the configured rate;
 * the next free slot of each channel and sender number is kept in the store, so two broadcasts
 * queue one after the other and a restart keeps the pace.
 */
package org.concierge.broadcast;
