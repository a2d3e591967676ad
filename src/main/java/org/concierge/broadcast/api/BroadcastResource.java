package org.concierge.broadcast.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.concierge.broadcast.Broadcast;
import org.concierge.broadcast.BroadcastService;
import org.concierge.broadcast.BroadcastService.Draft;
import org.concierge.identity.Caller;
import org.concierge.identity.CurrentCaller;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Page;
import org.concierge.platform.PageRequest;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins send an email or a text message to an audience, paced by the configured rates, and follow
 * its progress (an addition to contract version 1).
 */
@Path("/admin/broadcasts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Broadcasts")
public class BroadcastResource {

  @Inject BroadcastService broadcasts;
  @Inject CurrentCaller caller;

  /** How many people a broadcast would reach. */
  public record Preview(int recipients) {}

  @POST
  @Operation(
      summary = "Send an email or a text message to an audience",
      description =
          "Body {channel: email|sms, audience: travelers|agents|admins, from?, to?, status?,"
              + " priority?, subject?, text}. travelers: those who started a chat in [from, to),"
              + " optionally only chats now in status or of priority. Each person is reached"
              + " once, if their account is enabled, has an address for the channel and has not"
              + " turned the channel off. The messages are queued at once and sent at"
              + " CONCIERGE_BULK_EMAIL_PER_MINUTE, or CONCIERGE_BULK_SMS_PER_MINUTE per sender"
              + " number; text messages are dealt round robin over the numbers of"
              + " CONCIERGE_TWILIO_FROM.")
  @APIResponse(
      responseCode = "202",
      description = "broadcast: queued, with its id, recipients and progress")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "409", description = "Text messages with no sender number set")
  public Response send(BroadcastRequest body) {
    Draft draft = FieldChecks.requireBody(body).draft();
    Caller admin = caller.get();
    Broadcast sent = broadcasts.send(admin, draft);
    return Response.accepted(BroadcastView.of(sent, broadcasts.progress(admin, sent)))
        .location(URI.create("/api/admin/broadcasts/" + sent.id()))
        .build();
  }

  @POST
  @Path("/preview")
  @Operation(
      summary = "Count who a broadcast would reach, without sending",
      description = "The body of a broadcast; subject and text are not needed.")
  @APIResponse(responseCode = "200", description = "{recipients}")
  @APIResponse(responseCode = "400", description = "Invalid channel or audience")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public Preview preview(BroadcastRequest body) {
    Draft draft = FieldChecks.requireBody(body).preview();
    return new Preview(broadcasts.preview(caller.get(), draft.channel(), draft.audience()));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A broadcast and its progress: queued, sent and failed messages")
  @APIResponse(responseCode = "200", description = "broadcast")
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "404", description = "Unknown broadcast")
  public BroadcastView get(@PathParam("id") String id) {
    Caller admin = caller.get();
    Broadcast broadcast = broadcasts.find(admin, id);
    return BroadcastView.of(broadcast, broadcasts.progress(admin, broadcast));
  }

  @GET
  @Operation(summary = "The broadcasts, newest first, with their progress")
  @APIResponse(responseCode = "200", description = "{items: [broadcast], nextCursor}")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public Page<BroadcastView> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    PageRequest page = PageRequest.of(limit, cursor, "cursor");
    Caller admin = caller.get();
    List<Broadcast> found =
        broadcasts.newest(admin, Optional.ofNullable(page.cursor()), page.limit() + 1);
    return Page.of(
        found,
        page.limit(),
        b -> BroadcastView.of(b, broadcasts.progress(admin, b)),
        Broadcast::id);
  }
}
