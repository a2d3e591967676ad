package org.concierge.notify.push.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.concierge.notify.push.WebPush;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server's VAPID public key, which a browser subscribes with ({@code applicationServerKey}), an
 * addition to contract version 1.
 */
@Path("/push/key")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications")
public class PushKeyResource {

  @Inject WebPush webPush;

  /** {@code {publicKey}}: base64url of the uncompressed P-256 point. */
  public record PublicKey(String publicKey) {}

  @GET
  @Operation(summary = "The VAPID public key browsers subscribe to push with")
  @APIResponse(responseCode = "200", description = "{publicKey}, base64url")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "Not an agent or admin")
  public PublicKey key() {
    return new PublicKey(webPush.keys().publicKey());
  }
}
