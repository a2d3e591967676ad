/**
 * Text messages for the travel company's booking system: a booking's confirmation, sent at once,
 * and its trip reminder, sent before departure. Both are outbox notifications keyed by the booking
 * reference, so a repeated request texts nobody twice, and a scheduled reminder waits in the store,
 * where a restart cannot lose it.
 */
package org.concierge.bookings;
