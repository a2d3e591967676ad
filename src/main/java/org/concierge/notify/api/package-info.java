/**
 * The notifications' inbound adapters: the survey a closed chat's email links to, the caller's
 * notification settings, and the webhooks Twilio calls with replies and delivery reports.
 */
package org.concierge.notify.api;
