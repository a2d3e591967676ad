package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concierge.platform.Clock;

/**
 * The latest state of busy rooms, kept by this node so that posting a message costs one insert and
 * one counter update instead of a read first. Every change this node makes goes through {@link
 * ChatService} under the room's lock and refreshes the entry; an entry older than {@link
 * #FRESH_FOR} is read again from the store, which bounds how long a change made by another node can
 * go unseen here. The store's unique indexes and conditional updates stay the arbiter.
 */
@ApplicationScoped
class RoomStates {

  static final int MAX_ROOMS = 10_000;
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Entry(Chat chat, Instant loadedAt) {}

  @Inject Clock clock;

  private final Map<String, Entry> rooms =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ROOMS;
        }
      };

  synchronized Optional<Chat> fresh(String roomId) {
    Entry entry = rooms.get(roomId);
    if (entry == null || entry.loadedAt().plus(FRESH_FOR).isBefore(clock.now())) {
      return Optional.empty();
    }
    return Optional.of(entry.chat());
  }

  /** Records the room as it is now; {@code loadedFromStore} restarts its freshness. */
  synchronized void put(Chat chat, boolean loadedFromStore) {
    Entry previous = rooms.get(chat.id());
    Instant loadedAt = loadedFromStore || previous == null ? clock.now() : previous.loadedAt();
    rooms.put(chat.id(), new Entry(chat, loadedAt));
  }
}
