package org.concierge.notify.push.api;

import java.time.Instant;
import org.concierge.notify.push.PushSubscription;

/** A push subscription as its owner sees it; the browser's keys are not repeated. */
public record SubscriptionView(String id, String endpoint, Instant createdAt, Instant updatedAt) {

  static SubscriptionView of(PushSubscription s) {
    return new SubscriptionView(s.id(), s.endpoint(), s.createdAt(), s.updatedAt());
  }
}
