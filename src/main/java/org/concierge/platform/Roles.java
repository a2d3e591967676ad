package org.concierge.platform;

/** The three roles of API.md, as they appear in a token's {@code groups} claim. */
public final class Roles {

  public static final String USER = "user";
  public static final String AGENT = "agent";
  public static final String ADMIN = "admin";

  private Roles() {}
}
