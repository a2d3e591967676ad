package org.concierge.identity.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.concierge.identity.AccountChecks;
import org.concierge.identity.CurrentCaller;
import org.concierge.identity.DeskSession;
import org.concierge.identity.IdentityService;
import org.concierge.identity.NewAccount;
import org.concierge.platform.ClientAddress;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Roles;
import org.concierge.platform.Unauthorized;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up, sign-in, visitor sessions and the caller's own account. */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class AuthResource {

  @Inject IdentityService identity;
  @Inject CurrentCaller caller;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @POST
  @Path("/register")
  @PermitAll
  @Operation(summary = "Register a traveler account")
  @APIResponse(responseCode = "201", description = "{token, user}")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  @APIResponse(responseCode = "409", description = "Email taken")
  @APIResponse(responseCode = "429", description = "Too many sign-ups from this address")
  public Response register(AccountRequests.Register body) {
    AccountRequests.Register b = FieldChecks.requireBody(body);
    FieldChecks checks = new FieldChecks();
    NewAccount account =
        AccountChecks.account(checks, b.email(), b.password(), b.name(), b.phone());
    checks.throwIfInvalid();
    return created(SessionView.of(identity.register(account, clientAddress.of(request))));
  }

  @POST
  @Path("/login")
  @PermitAll
  @Operation(summary = "Sign in with email and password")
  @APIResponse(responseCode = "200", description = "{token, user}")
  @APIResponse(responseCode = "401", description = "Unknown email or wrong password")
  @APIResponse(
      responseCode = "403",
      description =
          "The password is right but an admin has disabled the account (an addition to contract"
              + " version 1)")
  @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
  public SessionView login(AccountRequests.Login body) {
    FieldChecks.requireBody(body);
    FieldChecks checks = new FieldChecks();
    String email = checks.text("email", body.email(), 1, 254, true);
    checks.check(body.password() != null, "password", "is required");
    checks.throwIfInvalid();
    return SessionView.of(
        identity.login(email.toLowerCase(Locale.ROOT), body.password(), clientAddress.of(request)));
  }

  @POST
  @Path("/visitor")
  @PermitAll
  @Operation(summary = "Start an anonymous traveler session")
  @APIResponse(responseCode = "201", description = "{token, user}")
  @APIResponse(responseCode = "429", description = "Too many sessions from this address")
  public Response visitor(AccountRequests.Visitor body) {
    FieldChecks checks = new FieldChecks();
    String name =
        checks.text("name", body == null ? null : body.name(), 1, AccountChecks.NAME_MAX, false);
    String email = checks.email("email", body == null ? null : body.email(), false);
    checks.throwIfInvalid();
    return created(SessionView.of(identity.startVisit(name, email, clientAddress.of(request))));
  }

  @GET
  @Path("/me")
  @RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "The caller's own user")
  @APIResponse(responseCode = "200", description = "user")
  @APIResponse(responseCode = "401", description = "No valid token")
  public UserView me() {
    return UserView.of(identity.me(caller.get()));
  }

  @GET
  @Path("/session")
  @PermitAll
  @Operation(
      summary = "A token for the dashboard signed in with a session cookie",
      description =
          "The agent dashboard signs in with a form and keeps an HttpOnly session cookie; its"
              + " scripts call this to get a token for the WebSocket and the REST API.")
  @APIResponse(responseCode = "200", description = "{token, user}")
  @APIResponse(responseCode = "401", description = "No dashboard session in this browser")
  public SessionView deskSession() {
    DeskSession desk =
        DeskSession.of(request)
            .orElseThrow(() -> new Unauthorized("Sign in to the dashboard first."));
    return SessionView.of(identity.deskToken(desk));
  }

  private static Response created(Object entity) {
    return Response.status(Response.Status.CREATED).entity(entity).build();
  }
}
