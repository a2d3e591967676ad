package org.concierge.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.concierge.identity.AccountChecks;
import org.concierge.identity.CurrentCaller;
import org.concierge.identity.IdentityService;
import org.concierge.identity.NewAccount;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Page;
import org.concierge.platform.PageRequest;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins manage the desk's agents and admins. */
@Path("/admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Identity")
public class AdminUsersResource {

  @Inject IdentityService identity;
  @Inject CurrentCaller caller;

  @POST
  @Operation(summary = "Create an agent or admin")
  @APIResponse(responseCode = "201", description = "user")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "409", description = "Email taken")
  public Response create(AccountRequests.CreateUser body) {
    FieldChecks.requireBody(body);
    FieldChecks checks = new FieldChecks();
    NewAccount account =
        AccountChecks.staffAccount(
            checks, body.email(), body.password(), body.name(), body.phone());
    Role role = AccountChecks.staffRole(checks, body.role());
    List<String> departments = AccountChecks.departments(checks, body.departments());
    checks.throwIfInvalid();
    User user = identity.createStaff(caller.get(), account, role, departments);
    return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
  }

  @GET
  @Operation(summary = "List users, optionally of one role, in creation order")
  @APIResponse(responseCode = "200", description = "{items: [user], nextCursor}")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public Page<UserView> list(
      @QueryParam("role") String role,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    PageRequest page = PageRequest.of(limit, cursor, "cursor");
    FieldChecks checks = new FieldChecks();
    Optional<Role> wanted = Optional.empty();
    if (role != null) {
      wanted = Optional.ofNullable(anyRole(checks, role));
    }
    checks.throwIfInvalid();
    List<User> found =
        identity.listUsers(
            caller.get(), wanted, page.cursor() == null ? "" : page.cursor(), page.limit() + 1);
    return Page.of(found, page.limit(), UserView::of, User::id);
  }

  @PUT
  @Path("/{id}")
  @Operation(
      summary =
          "Change a user's role (agent or admin) or phone number, or disable or enable the"
              + " account",
      description =
          "An addition to contract version 1. Body {role?, disabled?, phone?}: at least one of"
              + " them. A disabled account cannot sign in (login answers 403), its tokens are"
              + " refused with 401 and its sockets closed, and it is no longer offered chats. An"
              + " admin may not demote or disable themselves, and the last enabled admin stays"
              + " one. phone, which SMS alerts go to, is an international number (E.164, spaces"
              + " and dashes allowed, stored without them); an empty phone removes it.")
  @APIResponse(responseCode = "200", description = "user, as changed")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  @APIResponse(
      responseCode = "403",
      description = "Not an admin, or an admin demoting or disabling themselves")
  @APIResponse(responseCode = "404", description = "Unknown user")
  @APIResponse(
      responseCode = "409",
      description = "It would leave no enabled admin, or would change a traveler's role")
  public UserView change(@PathParam("id") String id, AccountRequests.ChangeUser body) {
    FieldChecks.requireBody(body);
    FieldChecks checks = new FieldChecks();
    checks.check(
        body.role() != null || body.disabled() != null || body.phone() != null,
        "body",
        "give role, disabled, phone or several of them");
    Role role = body.role() == null ? null : AccountChecks.staffRole(checks, body.role());
    String phone = body.phone() == null ? null : AccountChecks.staffPhone(checks, body.phone());
    checks.throwIfInvalid();
    User changed = identity.changeAccess(caller.get(), id, role, body.disabled());
    if (body.phone() != null) {
      changed = identity.changePhone(caller.get(), id, phone);
    }
    return UserView.of(changed);
  }

  private static Role anyRole(FieldChecks checks, String role) {
    for (Role candidate : Role.values()) {
      if (candidate.wire().equals(role)) {
        return candidate;
      }
    }
    checks.add("role", "must be user, agent or admin");
    return null;
  }
}
