/**
 * Notifications: what reaches people who are not looking at a screen. Listeners of the chat's
 * events write each notification to the outbox in the store; a worker on any node claims the due
 * ones atomically, renders them from templates and hands them to a courier (SMTP for email, Twilio
 * for text messages), retrying with exponential backoff until it succeeds or gives up. So the chat
 * never waits for a mail server or Twilio, and one that is down loses nothing. Broadcasts are
 * paced: each of their notifications is due at a slot of its lane, and a pass of the worker takes
 * no more of a lane than its share.
 */
package org.concierge.notify;
