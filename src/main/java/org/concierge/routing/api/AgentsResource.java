package org.concierge.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.Map;
import org.concierge.chat.ChatService;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.CurrentCaller;
import org.concierge.identity.IdentityService;
import org.concierge.identity.api.UserView;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Page;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agents set their own status and see each other, with their load. */
@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Identity")
public class AgentsResource {

  @Inject IdentityService identity;
  @Inject ChatService chats;
  @Inject CurrentCaller caller;

  /** {@code PUT /api/agents/me/status}. */
  public record StatusChange(String status) {}

  @PUT
  @Path("/me/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the caller's status: online, away or offline")
  @APIResponse(responseCode = "200", description = "user")
  public UserView setStatus(StatusChange body) {
    FieldChecks.requireBody(body);
    AgentStatus status = null;
    for (AgentStatus candidate : AgentStatus.values()) {
      if (candidate.wire().equals(body.status())) {
        status = candidate;
      }
    }
    new FieldChecks()
        .check(status != null, "status", "must be online, away or offline")
        .throwIfInvalid();
    return UserView.of(identity.setStatus(caller.get(), status));
  }

  @GET
  @Operation(summary = "Agents and admins with their status and number of active chats")
  @APIResponse(responseCode = "200", description = "{items: [agent], nextCursor: null}")
  public Page<AgentView> list() {
    caller.get();
    Map<String, Integer> load = chats.activeChatsByAgent();
    return new Page<>(
        identity.staff().stream()
            .sorted(Comparator.comparing(u -> u.id()))
            .map(u -> AgentView.of(u, load.getOrDefault(u.id(), 0)))
            .toList(),
        null);
  }
}
