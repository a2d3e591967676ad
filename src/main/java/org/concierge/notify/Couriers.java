package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The courier of each channel, among every {@link Courier} the application has. */
@ApplicationScoped
public class Couriers {

  @Inject @Any Instance<Courier> all;

  public Courier of(Channel channel) {
    for (Courier courier : all) {
      if (courier.channel() == channel) {
        return courier;
      }
    }
    throw new IllegalStateException("No courier carries " + channel);
  }
}
