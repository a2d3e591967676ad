package org.concierge.testing.deployment;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.concierge.analytics.AnalyticsService;
import org.concierge.analytics.HourlyActivity;
import org.concierge.analytics.RatingCounts;
import org.concierge.identity.Caller;
import org.concierge.identity.Role;

/**
 * Lets tests read the figures the admin pages draw, which the REST API does not serve, straight
 * from {@link AnalyticsService}.
 */
@Path("/test/analytics")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsProbeResource {

  private static final Caller ADMIN = new Caller("analytics-probe", "Probe", Role.ADMIN);

  @Inject AnalyticsService analytics;

  @GET
  @Path("/hourly")
  public List<HourlyActivity> hourly(@QueryParam("from") String from, @QueryParam("to") String to) {
    return analytics.hourly(ADMIN, Instant.parse(from), Instant.parse(to));
  }

  @GET
  @Path("/ratings")
  public RatingCounts ratings(@QueryParam("from") String from, @QueryParam("to") String to) {
    return analytics.ratings(ADMIN, Instant.parse(from), Instant.parse(to));
  }
}
