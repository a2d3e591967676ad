package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises, on this node, the writes that must follow one another in a room (the next seq, the
 * check that a chat is still open) or for one traveler (the open-chat limit). A fixed set of
 * striped locks keeps memory bounded however many rooms there are. Across nodes the store's unique
 * indexes and conditional updates remain the arbiter.
 */
@ApplicationScoped
class RoomLocks {

  private static final int STRIPES = 1024;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  RoomLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  <T> T withLock(String key, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
