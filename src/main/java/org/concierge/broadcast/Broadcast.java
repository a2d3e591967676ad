package org.concierge.broadcast;

import java.time.Instant;
import org.concierge.chat.Party;
import org.concierge.notify.Channel;

/**
 * One message an admin sent to an audience, as written: its text, how many people it was queued
 * for, and the stretch of time its slots cover.
 *
 * @param subject for email only
 * @param recipients how many people it was queued for: those of the audience who can be reached by
 *     its channel (an enabled account, an address, the channel not turned off), each once
 * @param firstDueAt the first slot, null when nobody could be reached
 * @param lastDueAt the last slot, null when nobody could be reached
 */
public record Broadcast(
    String id,
    Channel channel,
    Audience audience,
    String subject,
    String text,
    int recipients,
    Party createdBy,
    Instant createdAt,
    Instant firstDueAt,
    Instant lastDueAt) {}
