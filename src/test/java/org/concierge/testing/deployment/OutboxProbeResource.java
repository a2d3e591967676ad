package org.concierge.testing.deployment;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.concierge.notify.Notification;
import org.concierge.notify.store.MongoNotificationRepository;

/**
 * Lets tests read the outbox entries of one address, or of one chat, which the REST API does not
 * serve.
 */
@Path("/test/outbox")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class OutboxProbeResource {

  /** An entry as tests check it. */
  public record Entry(
      String subject,
      String state,
      int attempts,
      String lastError,
      String kind,
      String channel,
      String address,
      String reference) {}

  @Inject MongoNotificationRepository notifications;

  @GET
  public List<Entry> to(@QueryParam("address") String address, @QueryParam("room") String room) {
    List<Notification> found =
        room == null
            ? notifications.page(Optional.empty(), Optional.of(address), 0, 100)
            : notifications.ofRoom(room);
    return found.stream().map(OutboxProbeResource::entry).toList();
  }

  private static Entry entry(Notification n) {
    return new Entry(
        n.subject(),
        n.state().wire(),
        n.attempts(),
        n.lastError(),
        n.kind().name(),
        n.channel().name().toLowerCase(java.util.Locale.ROOT),
        n.address(),
        n.reference());
  }
}
