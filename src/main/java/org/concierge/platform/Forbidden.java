package org.concierge.platform;

/** The caller is known but may not do this. */
public final class Forbidden extends DomainException {

  public Forbidden(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String title() {
    return "Forbidden";
  }
}
