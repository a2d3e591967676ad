package org.concierge.broadcast.api;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;
import java.util.Locale;
import org.concierge.broadcast.Audience;
import org.concierge.broadcast.Broadcast;
import org.concierge.broadcast.Progress;
import org.concierge.chat.Party;
import org.concierge.platform.NullableAwareSerializer;

/**
 * A broadcast as the API answers it: what was sent to whom, how many people it was queued for, when
 * its first and last messages are due, and its progress (queued, sent, failed).
 */
@JsonbTypeSerializer(NullableAwareSerializer.class)
public record BroadcastView(
    String id,
    String channel,
    String audience,
    Instant from,
    Instant to,
    String status,
    String priority,
    String subject,
    String text,
    int recipients,
    Party createdBy,
    Instant createdAt,
    Instant firstDueAt,
    Instant lastDueAt,
    Progress progress) {

  public static BroadcastView of(Broadcast broadcast, Progress progress) {
    Audience audience = broadcast.audience();
    return new BroadcastView(
        broadcast.id(),
        broadcast.channel().name().toLowerCase(Locale.ROOT),
        audience.group().wire(),
        audience.from(),
        audience.to(),
        audience.status() == null ? null : audience.status().wire(),
        audience.priority() == null ? null : audience.priority().wire(),
        broadcast.subject(),
        broadcast.text(),
        broadcast.recipients(),
        broadcast.createdBy(),
        broadcast.createdAt(),
        broadcast.firstDueAt(),
        broadcast.lastDueAt(),
        progress);
  }
}
