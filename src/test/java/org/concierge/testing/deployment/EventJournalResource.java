package org.concierge.testing.deployment;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lets tests read the {@link EventJournal}. */
@Path("/test/events")
@RequestScoped
public class EventJournalResource {

  @Inject EventJournal journal;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public List<EventJournal.Entry> entries() {
    return journal.entries();
  }
}
