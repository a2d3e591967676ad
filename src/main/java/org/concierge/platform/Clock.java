package org.concierge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the millisecond precision the store and the API keep. */
@ApplicationScoped
public class Clock {

  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
