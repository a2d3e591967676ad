package org.concierge.realtime.protocol;

/** A client frame that cannot be accepted, with the error code and ref to answer it with. */
public final class BadFrame extends RuntimeException {

  private final String code;
  private final String ref;

  public BadFrame(String code, String message, String ref) {
    super(message, null, false, false);
    this.code = code;
    this.ref = ref;
  }

  public String code() {
    return code;
  }

  public String ref() {
    return ref;
  }

  public ServerFrame.Error toFrame() {
    return new ServerFrame.Error(code, getMessage(), ref);
  }
}
