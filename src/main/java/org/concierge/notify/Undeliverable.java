package org.concierge.notify;

/**
 * A notification that no retry can deliver, such as a text to a number that does not exist: the
 * outbox marks it dead at once instead of trying again.
 */
public class Undeliverable extends RuntimeException {

  public Undeliverable(String reason, Throwable cause) {
    super(reason, cause);
  }
}
