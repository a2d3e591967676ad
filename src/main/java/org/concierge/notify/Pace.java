package org.concierge.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rate of so many messages a minute, as due times: message {@code i} of a run is due {@code i}
 * sixtieths-of-the-rate of a minute after the run starts, rounded to the millisecond from the start
 * (not step by step), so that rounding never adds up over a long run.
 */
public record Pace(int perMinute) {

  private static final double MINUTE_MILLIS = 60_000.0;

  public Pace {
    if (perMinute < 1) {
      throw new IllegalArgumentException("A pace needs at least one message a minute");
    }
  }

  /** How long a run of {@code count} messages holds its lane: up to the slot after its last. */
  public Duration span(int count) {
    return Duration.ofMillis(offsetMillis(count));
  }

  /**
   * How many messages of one lane a pass of the outbox worker may send, passes being at least
   * {@code tick} apart: the rate's share of a tick, rounded up to a whole message. Due times space
   * a broadcast's messages while the worker keeps up; this share is what holds the rate when it
   * does not (a slow provider, a restart), so a backlog drains no faster than the rate, rounded up.
   */
  public int perPass(Duration tick) {
    return (int) Math.ceil(perMinute * tick.toMillis() / MINUTE_MILLIS);
  }

  /** The due times of a run of {@code count} messages from {@code start}. */
  public List<Instant> slots(Instant start, int count) {
    List<Instant> slots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slots.add(start.plusMillis(offsetMillis(i)));
    }
    return slots;
  }

  private long offsetMillis(int index) {
    return Math.round(index * MINUTE_MILLIS / perMinute);
  }
}
