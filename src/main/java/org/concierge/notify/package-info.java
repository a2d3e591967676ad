/**
 * Notifications: what reaches people who are not looking at a screen. Listeners of the chat's
 * events write each notification to the outbox in the store; a worker on any node claims the due
 * ones atomically, renders them from templates and hands them to the courier of their channel (SMTP
 * for email, Twilio for text messages, the browser's push service for push), retrying with
 * exponential backoff until it succeeds or gives up. So the chat never waits for a mail server,
 * Twilio or a push service, and one that is down loses nothing. Secrets a message carries (a
 * verification code) wait in the outbox sealed, and are erased once it is sent. Broadcasts are
 * paced: each of their notifications is due at a slot of its lane, and a pass of the worker takes
 * no more of a lane than its share.
 */
package org.concierge.notify;
