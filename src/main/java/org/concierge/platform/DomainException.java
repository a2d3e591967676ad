package org.concierge.platform;

/**
 * A refusal the caller can act on. Each kind maps to one HTTP status for REST and one error code
 * for the WebSocket, in one place each; the message is written for the client to read.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, Forbidden, Conflict, Invalid, Unauthorized, RateLimited {

  protected DomainException(String message) {
    super(message, null, false, false);
  }

  /** The HTTP status of this refusal. */
  public abstract int status();

  /** A short, stable summary of the kind of problem. */
  public abstract String title();
}
