package org.concierge.identity.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.concierge.identity.AccountStanding;
import org.concierge.identity.Role;
import org.concierge.platform.Unauthorized;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses with 401 every request whose token, though valid, no longer speaks for its account: the
 * account is disabled, or the admin it names is an agent now. It runs before the role checks, so a
 * disabled admin hears 401, not 403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccountStandingFilter implements ContainerRequestFilter {

  @Inject AccountStanding standing;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal instanceof JsonWebToken token
        && token.getGroups().size() == 1
        && !standing.admits(token.getSubject(), role(token))) {
      throw new Unauthorized("This account is disabled, or its role has changed: sign in again.");
    }
  }

  private static Role role(JsonWebToken token) {
    return Role.fromWire(token.getGroups().iterator().next());
  }
}
