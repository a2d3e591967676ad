package org.concierge.platform;

/** The caller has not shown valid credentials. */
public final class Unauthorized extends DomainException {

  public Unauthorized(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 401;
  }

  @Override
  public String title() {
    return "Unauthorized";
  }
}
