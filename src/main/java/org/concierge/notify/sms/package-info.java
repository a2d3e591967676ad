/**
 * Text messages through Twilio: the courier that renders a text from its outbox entry and sends it
 * with Twilio's SDK, the numbers that replied STOP, the delivery reports Twilio sends back, and the
 * check of the signature on Twilio's webhook calls.
 */
package org.concierge.notify.sms;
