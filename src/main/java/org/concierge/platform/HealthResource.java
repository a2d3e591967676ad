package org.concierge.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether this server can take chats now, for load balancers and operators. */
@Path("/health")
@RequestScoped
@Tag(name = "Operations")
public class HealthResource {

  @Inject Store store;

  /** One check of the overall answer. */
  public record Check(String name, String status) {}

  /** The overall answer: UP only when every check is. */
  public record Health(String status, List<Check> checks) {}

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Whether the server can take chats (the store is reachable)")
  @APIResponse(responseCode = "200", description = "UP")
  @APIResponse(responseCode = "503", description = "DOWN")
  public Response health() {
    boolean up = store.reachable();
    String status = up ? "UP" : "DOWN";
    Health health = new Health(status, List.of(new Check("store", status)));
    return Response.status(up ? 200 : 503).entity(health).build();
  }
}
