package org.concierge.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.concierge.platform.Unauthorized;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its verified token. */
@RequestScoped
public class CurrentCaller {

  @Inject JsonWebToken token;

  /**
   * @throws Unauthorized when the request carries no valid token
   */
  public Caller get() {
    if (token == null || token.getSubject() == null || token.getGroups().isEmpty()) {
      throw new Unauthorized("A valid bearer token is required.");
    }
    String role = token.getGroups().iterator().next();
    String name = token.getClaim("name");
    return new Caller(token.getSubject(), name == null ? "" : name, Role.fromWire(role));
  }
}
