package org.concierge.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Phone numbers for tests, in E.164 form, a fresh one each time. */
public final class Phones {

  private static final int RUN = ThreadLocalRandom.current().nextInt(1_000);
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Phones() {}

  /** A Swiss mobile number no other test of this run uses. */
  public static String unique() {
    return String.format("+4179%03d%04d", RUN, NEXT.incrementAndGet());
  }
}
