package org.concierge.platform;

/**
 * The request does not fit the current state (already assigned, already closed, already rated,
 * taken).
 */
public final class Conflict extends DomainException {

  public Conflict(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String title() {
    return "Conflict";
  }
}
