package org.concierge.analytics;

import java.time.Instant;

/**
 * The chats started in one hour of the day: how many, and how long they waited for a first answer
 * and for their close, on average over those that have one (null when none has).
 */
public record HourlyActivity(
    Instant hour, long started, Double avgFirstResponseSeconds, Double avgResolutionSeconds) {}
