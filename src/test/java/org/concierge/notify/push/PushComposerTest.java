package org.concierge.notify.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Party;
import org.concierge.chat.Priority;
import org.concierge.notify.Channel;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;
import org.junit.jupiter.api.Test;

/** A push that has become pointless by the time the outbox sends it is not sent. */
class PushComposerTest {

  private static final Party MIA = new Party("mia", "Mia");
  private static final Party LEO = new Party("leo", "Leo");

  @Test
  void anUrgentChatIsNewsOnlyWhileItWaits() {
    Notification urgent = entry(NotificationKind.URGENT_CHAT_WAITING, "mia", Map.of());
    assertThat(PushComposer.staleness(urgent, chat(ChatStatus.PENDING, null, Map.of()))).isEmpty();
    assertThat(PushComposer.staleness(urgent, chat(ChatStatus.ACTIVE, LEO, Map.of())))
        .hasValueSatisfying(reason -> assertThat(reason).contains("taken"));
  }

  @Test
  void aMessageIsNewsToItsAgentUntilTheyReadIt() {
    Notification wrote =
        entry(NotificationKind.TRAVELER_WROTE, "mia", PushComposer.messageData(5, "Hello"));
    assertThat(PushComposer.staleness(wrote, chat(ChatStatus.ACTIVE, MIA, Map.of("mia", 4L))))
        .isEmpty();
    assertThat(PushComposer.staleness(wrote, chat(ChatStatus.ACTIVE, MIA, Map.of("mia", 5L))))
        .hasValueSatisfying(reason -> assertThat(reason).contains("read"));
    assertThat(PushComposer.staleness(wrote, chat(ChatStatus.ACTIVE, LEO, Map.of())))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no longer"));
    assertThat(PushComposer.staleness(wrote, chat(ChatStatus.CLOSED, MIA, Map.of())))
        .hasValueSatisfying(reason -> assertThat(reason).contains("no longer"));
  }

  private static Notification entry(
      NotificationKind kind, String recipientId, Map<String, String> data) {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    return Notification.pending(
        "n1", Channel.PUSH, kind, recipientId, "s1", "subject", "r1", data, "k", now, now);
  }

  private static Chat chat(ChatStatus status, Party agent, Map<String, Long> readMarkers) {
    Instant created = Instant.parse("2026-11-24T09:00:00Z");
    return new Chat(
        "r1",
        status,
        Priority.NORMAL,
        "Visa",
        null,
        false,
        new Party("ann", "Ann"),
        agent,
        created,
        agent == null ? null : created,
        null,
        status == ChatStatus.CLOSED ? created : null,
        null,
        List.of(),
        null,
        5,
        null,
        readMarkers);
  }
}
