package org.concierge.chat;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.MongoMessageRepository;
import org.concierge.platform.Clock;

/**
 * A chat's {@code lastSeq} and {@code lastMessageAt}, written to the chat behind its messages. A
 * stored message is already durable and is the truth of a room; rewriting the whole chat document
 * for every message doubled the store's work per message, so the counters are gathered here and
 * written {@link #DELAY} after a room's first unwritten message: one write for all the messages of
 * that time, and the writes of many rooms spread out as their messages came rather than in bursts.
 * Everything of this node reads a chat through {@link #overlay}, so it never sees them behind;
 * another node may, by at most {@code DELAY}, and its readers tolerate it (a replay reads on until
 * no message follows, an append that finds its seq taken moves on). Counters lost to a crash are
 * rebuilt from the messages of open chats at the next start; a chat closes through a system message
 * whose counters are written at once.
 */
@ApplicationScoped
public class MessageCounters {

  private static final Logger LOG = Logger.getLogger(MessageCounters.class.getName());
  static final Duration DELAY = Duration.ofSeconds(2);
  private static final Duration TICK = Duration.ofMillis(250);

  /** The newest message of a room not yet in its chat, and since when the room has had one. */
  private record Latest(long seq, Instant at, Instant pendingSince) {}

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject MongoChatRepository chats;
  @Inject MongoMessageRepository messages;
  @Inject Clock clock;

  private final Map<String, Latest> pending = new ConcurrentHashMap<>();
  private ScheduledFuture<?> writing;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    rebuildOpenChats();
    writing =
        scheduler.scheduleWithFixedDelay(
            this::writeDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (writing != null) {
      writing.cancel(false);
    }
    write(Instant.MAX);
  }

  /** Notes a stored message, whose counters the chat gets later. */
  void record(Message message) {
    Instant now = clock.now();
    pending.merge(
        message.roomId(),
        new Latest(message.seq(), message.sentAt(), now),
        (old, added) ->
            added.seq() > old.seq()
                ? new Latest(added.seq(), added.at(), old.pendingSince())
                : old);
  }

  /** Notes that the chat's counters were just written with {@code message}, the newest. */
  void written(Message message) {
    pending.computeIfPresent(
        message.roomId(), (room, latest) -> latest.seq() <= message.seq() ? null : latest);
  }

  /** {@code chat} with the counters of its messages that it does not hold yet. */
  Chat overlay(Chat chat) {
    Latest latest = pending.get(chat.id());
    if (latest == null || latest.seq() <= chat.lastSeq()) {
      return chat;
    }
    return chat.withCounters(latest.seq(), latest.at());
  }

  void writeDue() {
    try {
      write(clock.now().minus(DELAY));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Chat counters could not be written; trying again shortly", e);
    }
  }

  /** Writes the counters of rooms pending since before {@code due}. */
  private void write(Instant due) {
    for (Map.Entry<String, Latest> entry : pending.entrySet()) {
      Latest latest = entry.getValue();
      if (latest.pendingSince().isBefore(due)) {
        chats.recordCounters(entry.getKey(), latest.seq(), latest.at());
        // A message stored meanwhile keeps its entry for the next round.
        pending.remove(entry.getKey(), latest);
      }
    }
  }

  /** After a crash, an open chat's counters may lag its messages by up to {@link #DELAY}. */
  private void rebuildOpenChats() {
    for (Chat chat : chats.open()) {
      messages
          .newestAfter(chat.id(), chat.lastSeq())
          .ifPresent(newest -> chats.recordCounters(chat.id(), newest.seq(), newest.sentAt()));
    }
  }
}
