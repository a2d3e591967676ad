package org.concierge.analytics;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;
import org.concierge.platform.NullableAwareSerializer;

/** The analytics overview of API.md. */
@JsonbTypeSerializer(NullableAwareSerializer.class)
public record Overview(
    Period period,
    Chats chats,
    Agents agents,
    @JsonbNillable Double avgFirstResponseSeconds,
    @JsonbNillable Double avgResolutionSeconds,
    Satisfaction satisfaction) {

  /** The period the figures were computed for. */
  @JsonbTypeSerializer(NullableAwareSerializer.class)
  public record Period(Instant from, Instant to) {}

  /** Pending and active now; closed in the period; created in the period. */
  @JsonbTypeSerializer(NullableAwareSerializer.class)
  public record Chats(long pending, long active, long closed, long total) {}

  /** Agents and admins by their status now. */
  @JsonbTypeSerializer(NullableAwareSerializer.class)
  public record Agents(long online, long away, long offline) {}

  /** The average rating of the period's rated chats, null when none was rated. */
  @JsonbTypeSerializer(NullableAwareSerializer.class)
  public record Satisfaction(@JsonbNillable Double average, long count) {}
}
