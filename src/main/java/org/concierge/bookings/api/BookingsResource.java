package org.concierge.bookings.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.concierge.bookings.BookingMessages;
import org.concierge.bookings.BookingSms;
import org.concierge.bookings.BookingSmsKind;
import org.concierge.bookings.BookingSystemAccess;
import org.concierge.platform.FieldChecks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The booking system texts travelers: a booking's confirmation at once, and a reminder before the
 * trip, which it may move or call off until it goes out (an addition to contract version 1).
 */
@Path("/bookings/{reference}")
@RequestScoped
@PermitAll
@BookingSystemOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityScheme(
    securitySchemeName = "bookingKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = BookingSystemAccess.KEY_HEADER,
    description = "The booking system's key, the server's CONCIERGE_BOOKING_API_KEY")
@SecurityRequirements({
  @SecurityRequirement(name = "bookingKey"),
  @SecurityRequirement(name = "bearer")
})
@Tag(name = "Bookings", description = "Text messages for the travel company's booking system")
@APIResponse(
    responseCode = "401",
    description = "A wrong key, or neither the booking system's key nor a valid token")
@APIResponse(responseCode = "403", description = "A token of a traveler or an agent")
public class BookingsResource {

  @Inject BookingMessages messages;

  @POST
  @Path("/confirmation")
  @Operation(
      summary = "Text the traveler that their booking is confirmed",
      description =
          "Queued at once. Once per booking reference: asking again sends nothing and answers"
              + " with the first.")
  @APIResponse(responseCode = "201", description = "BookingSms, queued now")
  @APIResponse(responseCode = "200", description = "BookingSms queued by an earlier request")
  @APIResponse(responseCode = "400", description = "Invalid fields")
  public Response confirm(
      @PathParam("reference") String reference, BookingRequests.Confirmation body) {
    return answer(messages.confirm(FieldChecks.requireBody(body).booking(reference)));
  }

  @GET
  @Path("/confirmation")
  @Operation(summary = "The booking's confirmation message and how far it got")
  @APIResponse(responseCode = "200", description = "BookingSms")
  @APIResponse(responseCode = "404", description = "No confirmation was asked for")
  public BookingSmsView confirmation(@PathParam("reference") String reference) {
    return BookingSmsView.of(messages.find(reference, BookingSmsKind.CONFIRMATION));
  }

  @PUT
  @Path("/reminder")
  @Operation(
      summary = "Schedule or move the trip reminder",
      description =
          "Sent at `remindAt`, or `hoursBefore` the departure (24 when neither is given). A"
              + " booking has one reminder: a second request moves it, with the new details, until"
              + " it goes out.")
  @APIResponse(responseCode = "201", description = "BookingSms, scheduled now")
  @APIResponse(responseCode = "200", description = "BookingSms, moved")
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, or a reminder time that has passed or is not before departure")
  @APIResponse(responseCode = "409", description = "The reminder is being sent or was sent")
  public Response remind(@PathParam("reference") String reference, BookingRequests.Reminder body) {
    BookingRequests.Scheduled scheduled = FieldChecks.requireBody(body).scheduled(reference);
    return answer(messages.remind(scheduled.booking(), scheduled.remindAt()));
  }

  @GET
  @Path("/reminder")
  @Operation(summary = "The booking's trip reminder and how far it got")
  @APIResponse(responseCode = "200", description = "BookingSms")
  @APIResponse(responseCode = "404", description = "No reminder was scheduled")
  public BookingSmsView reminder(@PathParam("reference") String reference) {
    return BookingSmsView.of(messages.find(reference, BookingSmsKind.REMINDER));
  }

  @DELETE
  @Path("/reminder")
  @Operation(summary = "Call off the trip reminder")
  @APIResponse(responseCode = "200", description = "BookingSms, cancelled")
  @APIResponse(responseCode = "404", description = "No reminder was scheduled")
  @APIResponse(responseCode = "409", description = "The reminder is being sent or was sent")
  public BookingSmsView cancel(@PathParam("reference") String reference) {
    return BookingSmsView.of(messages.cancelReminder(reference));
  }

  private static Response answer(BookingSms sms) {
    return Response.status(sms.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(BookingSmsView.of(sms))
        .build();
  }
}
