package org.concierge.notify;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one pass of the outbox worker has taken from each lane, against the lane's share of a pass
 * ({@link Pace#perPass}). Due times already space a broadcast's messages; the share keeps a worker
 * that fell behind from sending its backlog in one burst.
 */
final class LaneShares {

  private final Lanes lanes;
  private final Duration tick;
  private final Map<String, Integer> taken = new HashMap<>();
  private final Set<String> full = new HashSet<>();

  LaneShares(Lanes lanes, Duration tick) {
    this.lanes = lanes;
    this.tick = tick;
  }

  void took(Notification notification) {
    Lanes.of(notification)
        .ifPresent(
            lane -> {
              int count = taken.merge(lane, 1, Integer::sum);
              if (count >= lanes.pace(notification.channel()).perPass(tick)) {
                full.add(lane);
              }
            });
  }

  /** The lanes that have had their share of this pass. */
  Set<String> full() {
    return Set.copyOf(full);
  }
}
