/** Broadcasts in the store, and the pacing lanes that hand out their slots. */
package org.concierge.broadcast.store;
