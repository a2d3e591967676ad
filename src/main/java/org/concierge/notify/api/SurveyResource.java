package org.concierge.notify.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.concierge.chat.ChatService;
import org.concierge.chat.Rating;
import org.concierge.identity.Caller;
import org.concierge.identity.Role;
import org.concierge.notify.SurveyTokens;
import org.concierge.notify.SurveyTokens.Survey;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Unauthorized;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The survey page's one call: the token of the emailed link stands in for the traveler's sign-in,
 * for rating that one chat only (an addition to contract version 1).
 */
@Path("/survey")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chats")
public class SurveyResource {

  @Inject SurveyTokens tokens;
  @Inject ChatService chats;

  /** What the traveler gave, as stored. */
  public record Answered(String roomId, int score, String comment) {}

  @POST
  @PermitAll
  @Operation(summary = "Rate a closed chat from the survey link of its email")
  @APIResponse(responseCode = "200", description = "{roomId, score, comment}")
  @APIResponse(responseCode = "400", description = "Invalid score or comment")
  @APIResponse(responseCode = "401", description = "The link's token is not genuine or expired")
  @APIResponse(responseCode = "409", description = "Already rated")
  public Answered answer(SurveyAnswer body) {
    Rating rating = FieldChecks.requireBody(body).validate();
    Survey survey =
        tokens
            .verify(body.token())
            .orElseThrow(() -> new Unauthorized("This survey link is not valid any more."));
    Caller traveler = new Caller(survey.travelerId(), survey.travelerName(), Role.USER);
    Rating stored = chats.rate(traveler, survey.roomId(), rating).rating();
    return new Answered(survey.roomId(), stored.score(), stored.comment());
  }
}
