package org.concierge.chat.api;

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
import org.concierge.chat.ChatLists;
import org.concierge.chat.ChatService;
import org.concierge.identity.CurrentCaller;
import org.concierge.platform.Cursor;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Page;
import org.concierge.platform.PageRequest;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A chat and its messages, for its traveler, its agent and admins. */
@Path("/chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Chats")
public class ChatResource {

  @Inject ChatService chats;
  @Inject ChatLists lists;
  @Inject CurrentCaller caller;

  @POST
  @Path("/start")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.USER)
  @Operation(summary = "Start a chat; it waits in the queue")
  @APIResponse(responseCode = "201", description = "chat, pending")
  @APIResponse(responseCode = "409", description = "The traveler already has 3 open chats")
  public Response start(ChatRequests.Start body) {
    ChatRequests.Start request =
        body == null ? new ChatRequests.Start(null, null, null, null) : body;
    ChatView chat = ChatView.of(chats.start(caller.get(), request.validate()));
    return Response.status(Response.Status.CREATED).entity(chat).build();
  }

  @GET
  @Path("/history")
  @RolesAllowed(Roles.USER)
  @Operation(summary = "The caller's chats, newest first")
  @APIResponse(responseCode = "200", description = "{items: [chat], nextCursor}")
  public Page<ChatView> history(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return lists.history(caller.get(), PageRequest.of(limit, cursor, "cursor")).map(ChatView::of);
  }

  @GET
  @Path("/{roomId}")
  @RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "A chat")
  @APIResponse(responseCode = "200", description = "chat")
  @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
  public ChatView get(@PathParam("roomId") String roomId) {
    return ChatView.of(chats.get(caller.get(), roomId));
  }

  @GET
  @Path("/{roomId}/messages")
  @RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Messages with seq greater than `after`, ascending")
  @APIResponse(responseCode = "200", description = "{items: [message], nextCursor}")
  @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
  public Page<MessageView> messages(
      @PathParam("roomId") String roomId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    PageRequest page = PageRequest.of(limit, null, "after");
    long afterSeq = after == null || after.isBlank() ? 0 : Cursor.number(after.strip(), "after");
    if (afterSeq < 0) {
      new FieldChecks().add("after", "must be 0 or more").throwIfInvalid();
    }
    var found = chats.messages(caller.get(), roomId, afterSeq, page.limit() + 1);
    return Page.of(found, page.limit(), MessageView::of, m -> Long.toString(m.seq()));
  }

  @POST
  @Path("/{roomId}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Post a message; a repeated clientId stores nothing")
  @APIResponse(responseCode = "201", description = "message, stored")
  @APIResponse(responseCode = "200", description = "message: the first one with this clientId")
  @APIResponse(responseCode = "409", description = "The chat is closed")
  public Response post(@PathParam("roomId") String roomId, ChatRequests.Post body) {
    String text = FieldChecks.requireBody(body).validate();
    ChatService.Posted posted = chats.post(caller.get(), roomId, body.clientId(), text);
    return Response.status(posted.created() ? 201 : 200)
        .entity(MessageView.of(posted.message()))
        .build();
  }

  @POST
  @Path("/{roomId}/accept")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Accept a pending chat; of two racing agents exactly one wins")
  @APIResponse(responseCode = "200", description = "chat, active with the caller as agent")
  @APIResponse(responseCode = "409", description = "The chat is not pending")
  public ChatView accept(@PathParam("roomId") String roomId) {
    return ChatView.of(chats.accept(caller.get(), roomId));
  }

  @PUT
  @Path("/{roomId}/priority")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Change the priority (assigned agent or admin)")
  @APIResponse(responseCode = "200", description = "chat")
  public ChatView priority(@PathParam("roomId") String roomId, ChatRequests.ChangePriority body) {
    return ChatView.of(
        chats.changePriority(caller.get(), roomId, FieldChecks.requireBody(body).validate()));
  }

  @POST
  @Path("/{roomId}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Hand the chat to another agent (assigned agent or admin)")
  @APIResponse(responseCode = "200", description = "chat with the new agent")
  @APIResponse(responseCode = "400", description = "agentId is not an agent")
  @APIResponse(responseCode = "409", description = "The chat is not active")
  public ChatView transfer(@PathParam("roomId") String roomId, ChatRequests.Transfer body) {
    FieldChecks.requireBody(body);
    FieldChecks checks = new FieldChecks();
    String agentId = checks.text("agentId", body.agentId(), 1, 64, true);
    String note = checks.text("note", body.note(), 0, ChatRequests.NOTE_MAX, false);
    checks.throwIfInvalid();
    return ChatView.of(chats.transfer(caller.get(), roomId, agentId, note));
  }

  @POST
  @Path("/{roomId}/escalate")
  @RolesAllowed({Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Escalate: priority up one level (assigned agent)")
  @APIResponse(responseCode = "200", description = "chat, escalated")
  @APIResponse(responseCode = "409", description = "Already escalated")
  public ChatView escalate(
      @PathParam("roomId") String roomId,
      @RequestBody(
              required = false,
              description = "Optional; may be left out entirely",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ChatRequests.Reason.class)))
          String body) {
    return ChatView.of(chats.escalate(caller.get(), roomId, ChatRequests.Reason.of(body)));
  }

  @POST
  @Path("/{roomId}/close")
  @RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
  @Operation(summary = "Close the chat (traveler, assigned agent or admin)")
  @APIResponse(responseCode = "200", description = "chat, closed")
  @APIResponse(responseCode = "409", description = "Already closed")
  public ChatView close(
      @PathParam("roomId") String roomId,
      @RequestBody(
              required = false,
              description = "Optional; may be left out entirely",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = ChatRequests.Reason.class)))
          String body) {
    return ChatView.of(chats.close(caller.get(), roomId, ChatRequests.Reason.of(body)));
  }

  @POST
  @Path("/{roomId}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.USER)
  @Operation(summary = "Rate a closed chat, once (its traveler)")
  @APIResponse(responseCode = "200", description = "chat with its rating")
  @APIResponse(responseCode = "409", description = "Not closed, or already rated")
  public ChatView rate(@PathParam("roomId") String roomId, ChatRequests.Rate body) {
    return ChatView.of(chats.rate(caller.get(), roomId, FieldChecks.requireBody(body).validate()));
  }
}
