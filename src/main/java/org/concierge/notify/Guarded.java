package org.concierge.notify;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a listener's work so that its failure stays its own: a synchronous observer that throws
 * would keep the observers after it (the sockets' fan-out among them) from seeing the event.
 */
public final class Guarded {

  private static final Logger LOG = Logger.getLogger(Guarded.class.getName());

  private Guarded() {}

  public static void run(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not queue the notifications of " + what, e);
    }
  }
}
