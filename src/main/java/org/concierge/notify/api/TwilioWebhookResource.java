package org.concierge.notify.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.concierge.notify.sms.DeliveryReports;
import org.concierge.notify.sms.OptOuts;
import org.concierge.notify.sms.TwilioSignatures;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The addresses Twilio calls (additions to contract version 1): replies to the desk's texts, which
 * may opt a number out or back in, and the delivery reports of sent texts. Twilio cannot send a
 * bearer token; its signature over the call, made with the account's auth token, is the
 * authentication, and a call without a valid one changes nothing.
 */
@Path("/twilio")
@RequestScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Tag(name = "Twilio webhooks")
public class TwilioWebhookResource {

  static final String SIGNATURE = "X-Twilio-Signature";

  /** The empty TwiML answer: Twilio sends nothing back to the texter. */
  private static final String NO_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  @Inject TwilioSignatures signatures;
  @Inject OptOuts optOuts;
  @Inject DeliveryReports reports;
  @Context UriInfo uri;

  @POST
  @Path("/inbound")
  @PermitAll
  @Produces(MediaType.TEXT_XML)
  @Operation(
      summary = "A text sent to one of the desk's numbers (Twilio's incoming-message webhook)",
      description =
          "Form fields as Twilio sends them (From, To, Body, MessageSid...). STOP, STOPALL,"
              + " UNSUBSCRIBE, CANCEL, END or QUIT (any case) stops every text to From; START,"
              + " UNSTOP or YES allows them again. Answers empty TwiML, so Twilio replies nothing"
              + " more. Needs no token: X-Twilio-Signature, made with the account's auth token over"
              + " CONCIERGE_PUBLIC_URL/api/twilio/inbound and the form, must be valid.")
  @APIResponse(responseCode = "200", description = "<Response/>")
  @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature")
  public Response inbound(
      @Parameter(description = "Twilio's signature of the call") @HeaderParam(SIGNATURE)
          String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> fields = verified("/twilio/inbound", form, signature);
    optOuts.replied(fields.get("From"), fields.get("Body"));
    return Response.ok(NO_REPLY, MediaType.TEXT_XML_TYPE).build();
  }

  @POST
  @Path("/status")
  @PermitAll
  @Operation(
      summary = "The delivery report of a sent text (Twilio's status callback)",
      description =
          "Form fields MessageSid, MessageStatus and ErrorCode as Twilio sends them. delivered"
              + " marks the text's notification delivered; undelivered or failed marks it"
              + " undelivered with the error code as reason; a report never moves a notification"
              + " back. Needs no token: X-Twilio-Signature, made with the account's auth token over"
              + " CONCIERGE_PUBLIC_URL/api/twilio/status and the form, must be valid.")
  @APIResponse(responseCode = "204", description = "Recorded, or nothing to record")
  @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature")
  public void status(
      @Parameter(description = "Twilio's signature of the call") @HeaderParam(SIGNATURE)
          String signature,
      MultivaluedMap<String, String> form) {
    Map<String, String> fields = verified("/twilio/status", form, signature);
    reports.reported(
        fields.get("MessageSid"), fields.get("MessageStatus"), fields.get("ErrorCode"));
  }

  /** The form's fields, once the signature proved that Twilio sent them. */
  private Map<String, String> verified(
      String path, MultivaluedMap<String, String> form, String signature) {
    Map<String, String> fields = new HashMap<>();
    if (form != null) {
      form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
    }
    signatures.verify(path, uri.getRequestUri().getRawQuery(), fields, signature);
    return fields;
  }
}
