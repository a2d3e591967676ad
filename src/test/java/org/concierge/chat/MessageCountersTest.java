package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.platform.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageCountersTest {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  /** A counter write as the chat repository was asked for it. */
  private record Written(String room, long seq, Instant at) {}

  private final List<Written> written = new ArrayList<>();
  private final MessageCounters counters = new MessageCounters();
  private Instant now = START;

  @BeforeEach
  void collaborators() {
    counters.clock =
        new Clock() {
          @Override
          public Instant now() {
            return now;
          }
        };
    counters.chats =
        new MongoChatRepository() {
          @Override
          public void recordCounters(String id, long seq, Instant at) {
            written.add(new Written(id, seq, at));
          }
        };
  }

  @Test
  void aChatReadOnThisNodeShowsItsNewestMessageBeforeItIsWritten() {
    Chat chat = chat("room-1");
    counters.record(message("room-1", 2, START.plusSeconds(2)));
    counters.record(message("room-1", 1, START.plusSeconds(1)));

    Chat seen = counters.overlay(chat);

    assertThat(seen.lastSeq()).isEqualTo(2);
    assertThat(seen.lastMessageAt()).isEqualTo(START.plusSeconds(2));
    assertThat(counters.overlay(chat("room-2"))).isEqualTo(chat("room-2"));
  }

  @Test
  void writesARoomOnceForAllItsMessagesAfterTheDelay() {
    counters.record(message("room-1", 1, START));
    now = START.plusSeconds(1);
    counters.record(message("room-1", 2, now));
    counters.writeDue();
    assertThat(written).isEmpty();

    now = START.plus(MessageCounters.DELAY).plusMillis(1);
    counters.writeDue();
    counters.writeDue();

    assertThat(written).containsExactly(new Written("room-1", 2, START.plusSeconds(1)));
    assertThat(counters.overlay(chat("room-1")).lastSeq()).isZero();
  }

  @Test
  void forgetsWhatAnImmediateWriteCovered() {
    counters.record(message("room-1", 1, START));
    counters.written(message("room-1", 2, START.plusSeconds(1)));
    now = START.plus(MessageCounters.DELAY).plusSeconds(1);

    counters.writeDue();

    assertThat(written).isEmpty();
  }

  private static Chat chat(String id) {
    return Chat.open(id, new Party("traveler-1", "Ada"), "Visa", Priority.NORMAL, null, START);
  }

  private static Message message(String room, long seq, Instant at) {
    return new Message(
        room + "-" + seq,
        room,
        seq,
        "client-" + seq,
        MessageType.TEXT,
        new Sender("traveler-1", "Ada", "traveler"),
        "Hello " + seq,
        at);
  }
}
