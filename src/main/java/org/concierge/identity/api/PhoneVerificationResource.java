package org.concierge.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.concierge.identity.CurrentCaller;
import org.concierge.identity.PhoneVerification;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller proves a phone number is theirs with a code texted to it (an addition to contract
 * version 1). Travelers, agents and admins alike; visitors too, whose number then reaches them.
 */
@Path("/me/phone/verification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.AGENT, Roles.ADMIN})
@SecurityRequirement(name = "bearer")
@Tag(name = "Identity")
public class PhoneVerificationResource {

  @Inject PhoneVerification verification;
  @Inject CurrentCaller caller;

  @POST
  @Operation(
      summary = "Text a verification code to a phone number",
      description =
          "Sends a 6-digit code by SMS to `phone` (E.164, like +41446681800), in place of any"
              + " earlier code of the caller's. The answer is the same whoever the number belongs"
              + " to.")
  @APIResponse(responseCode = "202", description = "{phone, expiresAt, resendAfter}")
  @APIResponse(responseCode = "400", description = "phone missing or not in E.164 form")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(
      responseCode = "429",
      description = "A code was sent too recently; Retry-After says when another may be asked for")
  public Response send(PhoneRequests.Send body) {
    String phone = FieldChecks.requireBody(body).validPhone();
    return Response.accepted(verification.request(caller.get(), phone)).build();
  }

  @POST
  @Path("/confirm")
  @Operation(
      summary = "Confirm the phone number with the code it received",
      description =
          "On the right code, the number becomes the caller's `phone`, with `phoneVerified` true."
              + " Each try counts, right or wrong.")
  @APIResponse(responseCode = "200", description = "user, with the verified phone")
  @APIResponse(
      responseCode = "400",
      description = "Not 6 digits (not counted as a try), or the wrong code, with the tries left")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(
      responseCode = "409",
      description = "No code to try: none asked for, expired, or void after too many wrong tries")
  public UserView confirm(PhoneRequests.Confirm body) {
    String code = FieldChecks.requireBody(body).validCode();
    return UserView.of(verification.confirm(caller.get(), code));
  }
}
