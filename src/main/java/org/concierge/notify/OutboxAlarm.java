package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * When the outbox worker should look for due notifications. A look is a scan of the whole outbox on
 * the embedded store, which keeps no index on due times, so looking every second would cost more as
 * the outbox grows, on the same cores that carry the chats. This node therefore remembers the due
 * times of what it wrote or rescheduled and rings at them; a sweep every {@link #SWEEP} also finds
 * what other nodes wrote and claims whose holder died.
 */
@ApplicationScoped
public class OutboxAlarm {

  static final Duration SWEEP = Duration.ofSeconds(15);

  private final NavigableSet<Instant> expected = new ConcurrentSkipListSet<>();
  private volatile Instant lastSweep = Instant.MIN;

  /** Something in the outbox falls due at {@code at}. */
  public void expect(Instant at) {
    expected.add(at);
  }

  /** True when something is expected by {@code now}, or the last sweep is long enough ago. */
  boolean rings(Instant now) {
    return !lastSweep.plus(SWEEP).isAfter(now) || expected.floor(now) != null;
  }

  /**
   * A look at the outbox starts at {@code now}: what was expected by then is about to be claimed,
   * and what is written from now on rings again.
   *
   * @return whether this look is a sweep
   */
  boolean looking(Instant now) {
    expected.headSet(now, true).clear();
    if (!lastSweep.plus(SWEEP).isAfter(now)) {
      lastSweep = now;
      return true;
    }
    return false;
  }
}
