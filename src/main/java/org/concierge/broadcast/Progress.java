package org.concierge.broadcast;

import java.util.Map;
import org.concierge.notify.DeliveryState;

/**
 * How far a broadcast has gone: its messages still to send (waiting for their slot, being sent, or
 * waiting for a retry), sent, and not sent for good (dead, skipped, or with no provider configured;
 * an admin may retry the dead and the unconfigured ones in the outbox).
 */
public record Progress(long queued, long sent, long failed) {

  public static Progress of(Map<DeliveryState, Long> states) {
    long queued = 0;
    long sent = 0;
    long failed = 0;
    for (Map.Entry<DeliveryState, Long> state : states.entrySet()) {
      switch (state.getKey()) {
        case PENDING, SENDING, FAILED -> queued += state.getValue();
        case SENT -> sent += state.getValue();
        case DEAD, NOT_CONFIGURED, SKIPPED -> failed += state.getValue();
      }
    }
    return new Progress(queued, sent, failed);
  }
}
