package org.concierge.notify.sms;

import java.time.Instant;

/**
 * A phone number that replied STOP (or one of its synonyms): Concierge texts it nothing until it
 * replies START.
 *
 * @param keyword the word the number sent, as it sent it
 */
public record OptOut(String phone, String keyword, Instant at) {}
