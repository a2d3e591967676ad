package org.concierge.chat.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.concierge.chat.ChatLists;
import org.concierge.identity.CurrentCaller;
import org.concierge.platform.Page;
import org.concierge.platform.PageRequest;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agent's lists: the queue of waiting chats and the chats they serve. */
@Path("/chat/agent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Chats")
public class AgentQueueResource {

  @Inject ChatLists lists;
  @Inject CurrentCaller caller;

  @GET
  @Path("/unassigned")
  @Operation(summary = "Pending chats: urgent first, then high, normal, low; oldest first")
  @APIResponse(responseCode = "200", description = "{items: [chat], nextCursor}")
  public Page<ChatView> unassigned(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return lists.queue(caller.get(), PageRequest.of(limit, cursor, "cursor")).map(ChatView::of);
  }

  @GET
  @Path("/assigned")
  @Operation(summary = "The caller's active chats (admins: any agent's, with agentId)")
  @APIResponse(responseCode = "200", description = "{items: [chat], nextCursor}")
  public Page<ChatView> assigned(
      @QueryParam("agentId") String agentId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return lists
        .assigned(caller.get(), agentId, PageRequest.of(limit, cursor, "cursor"))
        .map(ChatView::of);
  }
}
