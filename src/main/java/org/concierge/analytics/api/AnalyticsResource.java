package org.concierge.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.concierge.analytics.AnalyticsService;
import org.concierge.analytics.Overview;
import org.concierge.identity.CurrentCaller;
import org.concierge.platform.Clock;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The desk's numbers for agents and admins. */
@Path("/chat/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
public class AnalyticsResource {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

  @Inject AnalyticsService analytics;
  @Inject CurrentCaller caller;
  @Inject Clock clock;

  @GET
  @Path("/overview")
  @Operation(summary = "Chats, agents, response times and satisfaction (default: the last 7 days)")
  @APIResponse(responseCode = "200", description = "overview")
  @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant")
  public Overview overview(@QueryParam("from") String from, @QueryParam("to") String to) {
    FieldChecks checks = new FieldChecks();
    Instant end = instant(checks, "to", to);
    Instant start = instant(checks, "from", from);
    checks.throwIfInvalid();
    Instant periodEnd = end == null ? clock.now() : end;
    Instant periodStart = start == null ? periodEnd.minus(DEFAULT_PERIOD) : start;
    checks.check(!periodStart.isAfter(periodEnd), "from", "must not be after to").throwIfInvalid();
    return analytics.overview(caller.get(), periodStart, periodEnd);
  }

  private static Instant instant(FieldChecks checks, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      checks.add(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30.123Z");
      return null;
    }
  }
}
