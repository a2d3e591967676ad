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
   * How many messages of one lane a pass of the outbox worker may send, passes being {@code tick}
   * apart: those due within a tick, and one more, so that a worker that fell behind (a slow
   * provider, a restart) catches up instead of lagging for good, without ever bursting.
   */
  public int perPass(Duration tick) {
    return (int) Math.ceil(perMinute * tick.toMillis() / MINUTE_MILLIS) + 1;
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
