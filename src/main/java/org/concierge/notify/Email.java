package org.concierge.notify;

/**
 * A rendered email, ready for a mail server: both alternatives of its body.
 *
 * @param id the outbox entry's id, which the message id repeats so a resend is recognisable
 */
public record Email(String id, String to, String subject, String text, String html) {}
