package org.concierge.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.concierge.platform.DomainException;
import org.concierge.platform.Invalid;
import org.concierge.platform.RateLimited;

/** A domain refusal becomes the problem its kind stands for. */
@Provider
@ApplicationScoped
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    Problem problem =
        new Problem(
            Problem.typeFor(e.status()),
            e.title(),
            e.status(),
            e.getMessage(),
            e instanceof Invalid invalid ? invalid.errors() : null);
    Response.ResponseBuilder response = problem.toResponse();
    if (e instanceof RateLimited limited) {
      response.header("Retry-After", limited.retryAfterSeconds());
    }
    if (e.status() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.build();
  }
}
