package org.concierge.notify.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.concierge.identity.CurrentCaller;
import org.concierge.notify.NotificationPreferences;
import org.concierge.notify.Outbox;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own notification settings: email, SMS and push may each be turned off (an addition
 * to contract version 1).
 */
@Path("/me/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Identity")
public class PreferencesResource {

  @Inject Outbox outbox;
  @Inject CurrentCaller caller;

  @GET
  @Operation(summary = "Which channels may reach the caller")
  @APIResponse(responseCode = "200", description = "{email, sms, push}")
  @APIResponse(responseCode = "401", description = "No valid token")
  public NotificationPreferences get() {
    return outbox.preferences(caller.get());
  }

  @PUT
  @Operation(
      summary = "Turn the caller's email, SMS and push notifications on or off",
      description =
          "email and sms are required; push (browser push to an agent's dashboard) is optional and"
              + " stays as it is when absent.")
  @APIResponse(responseCode = "200", description = "{email, sms, push}, as stored")
  @APIResponse(responseCode = "400", description = "email or sms missing")
  @APIResponse(responseCode = "401", description = "No valid token")
  public NotificationPreferences put(PreferencesRequest body) {
    FieldChecks.requireBody(body);
    return outbox.changePreferences(caller.get(), body.validate(outbox.preferences(caller.get())));
  }
}
