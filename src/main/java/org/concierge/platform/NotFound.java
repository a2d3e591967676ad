package org.concierge.platform;

/** Something the caller asked for does not exist, or the caller may not see it. */
public final class NotFound extends DomainException {

  public NotFound(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "Not found";
  }
}
