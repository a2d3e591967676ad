package org.concierge.bookings.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.concierge.bookings.BookingSystemAccess;
import org.concierge.identity.CurrentCaller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets through to the booking API only the booking system's key or an admin's token (see {@link
 * BookingSystemAccess}).
 */
@Provider
@BookingSystemOnly
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class BookingSystemFilter implements ContainerRequestFilter {

  @Inject BookingSystemAccess access;
  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean signedIn = request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken;
    access.check(
        signedIn ? Optional.of(caller.get()) : Optional.empty(),
        Optional.ofNullable(request.getHeaderString(BookingSystemAccess.KEY_HEADER)));
  }
}
