package org.concierge.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.concierge.platform.Invalid;

/** An {@code application/problem+json} body (RFC 9457). */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type, String title, int status, String detail, List<Invalid.FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(int status, String title, String detail) {
    return new Problem(typeFor(status), title, status, detail, null);
  }

  Response.ResponseBuilder toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this);
  }

  /** A stable identifier per status, for clients that switch on the kind of problem. */
  static String typeFor(int status) {
    return "urn:concierge:problem:" + StatusTitles.slug(status);
  }
}
