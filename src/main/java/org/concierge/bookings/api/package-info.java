/** The booking API: what the booking system calls, with its API key, to text travelers. */
package org.concierge.bookings.api;
