package org.concierge.notify.push.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.concierge.identity.CurrentCaller;
import org.concierge.notify.push.PushSubscriptions;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Invalid;
import org.concierge.platform.Page;
import org.concierge.platform.Roles;
import org.concierge.platform.Settings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's browsers that Concierge may push to (agents and admins; an addition to contract
 * version 1). The dashboard subscribes when its agent turns notifications on, and unsubscribes when
 * they turn them off or sign out.
 */
@Path("/me/push-subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications")
public class PushSubscriptionsResource {

  @Inject PushSubscriptions subscriptions;
  @Inject CurrentCaller caller;
  @Inject Settings settings;

  @GET
  @Operation(summary = "The caller's push subscriptions, most recently renewed first")
  @APIResponse(responseCode = "200", description = "list of {id, endpoint, createdAt, updatedAt}")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "Not an agent or admin")
  public Page<SubscriptionView> list() {
    return new Page<>(
        subscriptions.mine(caller.get()).stream().map(SubscriptionView::of).toList(), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Subscribe a browser to push",
      description =
          "The body is the browser's PushSubscription JSON: {endpoint, expirationTime?, keys:"
              + " {p256dh, auth}}. The same endpoint again updates its subscription, for the"
              + " caller.")
  @APIResponse(responseCode = "201", description = "{id, endpoint, createdAt, updatedAt}: new")
  @APIResponse(responseCode = "200", description = "{id, endpoint, createdAt, updatedAt}: updated")
  @APIResponse(
      responseCode = "400",
      description = "Endpoint not https (or pointing at this server), or keys of the wrong length")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "Not an agent or admin")
  public Response subscribe(SubscriptionRequest body) {
    PushSubscriptions.Saved saved =
        subscriptions.subscribe(
            caller.get(), FieldChecks.requireBody(body).validate(settings.pushAllowLoopback()));
    return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(SubscriptionView.of(saved.subscription()))
        .build();
  }

  @DELETE
  @Operation(summary = "Unsubscribe a browser: no more pushes to this endpoint")
  @APIResponse(
      responseCode = "204",
      description = "The caller has no subscription of this endpoint (any more)")
  @APIResponse(responseCode = "400", description = "endpoint missing")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "Not an agent or admin")
  public void unsubscribe(
      @Parameter(description = "the subscription's endpoint, as subscribed") @QueryParam("endpoint")
          String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new Invalid("endpoint", "is required");
    }
    subscriptions.unsubscribe(caller.get(), endpoint.strip());
  }
}
