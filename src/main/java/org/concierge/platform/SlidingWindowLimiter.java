package org.concierge.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window and says when a key has had its fill. Memory stays
 * bounded: a key's old events are dropped whenever it is touched, and idle keys are swept out.
 */
public final class SlidingWindowLimiter {

  private static final int SWEEP_EVERY = 1024;

  private final Duration window;
  private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
  private int touches;

  public SlidingWindowLimiter(Duration window) {
    this.window = window;
  }

  /** How long until {@code key} is under {@code limit} again; empty when it is under it now. */
  public Optional<Duration> blockedFor(String key, int limit, Instant now) {
    Deque<Instant> times = events.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      // The window reopens when enough of the oldest events have aged out of it.
      Instant reopens = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
      return Optional.of(Duration.between(now, reopens.plus(window)));
    }
  }

  public void record(String key, Instant now) {
    Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
    sweepNowAndThen(now);
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant horizon = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
      times.removeFirst();
    }
  }

  private void sweepNowAndThen(Instant now) {
    boolean sweep;
    synchronized (this) {
      sweep = ++touches % SWEEP_EVERY == 0;
    }
    if (sweep) {
      events
          .entrySet()
          .removeIf(
              entry -> {
                synchronized (entry.getValue()) {
                  prune(entry.getValue(), now);
                  return entry.getValue().isEmpty();
                }
              });
    }
  }
}
