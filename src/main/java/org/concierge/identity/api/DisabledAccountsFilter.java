package org.concierge.identity.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.concierge.identity.DisabledAccounts;
import org.concierge.platform.Unauthorized;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, with 401, every request whose token belongs to a disabled account, though the token
 * itself is still valid. It runs before the role checks, so a disabled admin hears 401, not 403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class DisabledAccountsFilter implements ContainerRequestFilter {

  @Inject DisabledAccounts disabled;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal instanceof JsonWebToken token && disabled.isDisabled(token.getSubject())) {
      throw new Unauthorized("This account is disabled.");
    }
  }
}
