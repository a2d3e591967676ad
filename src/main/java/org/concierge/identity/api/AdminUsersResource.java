package org.concierge.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
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

  private static final int DEPARTMENTS_MAX = 20;

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
        AccountRequests.account(checks, body.email(), body.password(), body.name(), body.phone());
    Role role = staffRole(checks, body.role());
    List<String> departments = departments(checks, body.departments());
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

  private static Role staffRole(FieldChecks checks, String role) {
    if (Roles.AGENT.equals(role) || Roles.ADMIN.equals(role)) {
      return Role.fromWire(role);
    }
    checks.add("role", "must be agent or admin");
    return null;
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

  private static List<String> departments(FieldChecks checks, List<String> departments) {
    if (departments == null) {
      return List.of();
    }
    checks.check(departments.size() <= DEPARTMENTS_MAX, "departments", "at most 20");
    List<String> names =
        departments.stream().map(d -> d == null ? "" : d.strip()).distinct().toList();
    checks.check(
        names.stream().allMatch(d -> !d.isEmpty() && d.length() <= 100),
        "departments",
        "each must be a name of 1 to 100 characters");
    return names;
  }
}
