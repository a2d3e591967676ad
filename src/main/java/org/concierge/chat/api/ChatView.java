package org.concierge.chat.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concierge.chat.Chat;
import org.concierge.chat.ClosedBy;
import org.concierge.chat.Party;
import org.concierge.chat.Rating;
import org.concierge.platform.NullableAwareSerializer;

/**
 * The {@code chat} object of API.md, plus {@code readMarkers}: the last seq each member has read,
 * by user id.
 */
@JsonbTypeSerializer(NullableAwareSerializer.class)
public record ChatView(
    String id,
    String status,
    String priority,
    String subject,
    String department,
    boolean escalated,
    Party traveler,
    @JsonbNillable Party agent,
    Instant createdAt,
    Instant assignedAt,
    Instant firstResponseAt,
    Instant closedAt,
    ClosedBy closedBy,
    List<TransferView> transfers,
    Instant lastMessageAt,
    long lastSeq,
    Rating rating,
    Map<String, Long> readMarkers) {

  /** One hand-over in a chat's history. */
  public record TransferView(String fromAgentId, String toAgentId, String note, Instant at) {}

  public static ChatView of(Chat chat) {
    return new ChatView(
        chat.id(),
        chat.status().wire(),
        chat.priority().wire(),
        chat.subject(),
        chat.department(),
        chat.escalated(),
        chat.traveler(),
        chat.agent(),
        chat.createdAt(),
        chat.assignedAt(),
        chat.firstResponseAt(),
        chat.closedAt(),
        chat.closedBy(),
        chat.transfers().stream()
            .map(t -> new TransferView(t.fromAgentId(), t.toAgentId(), t.note(), t.at()))
            .toList(),
        chat.lastMessageAt(),
        chat.lastSeq(),
        chat.rating(),
        chat.readMarkers());
  }
}
