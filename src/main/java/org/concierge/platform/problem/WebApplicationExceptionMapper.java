package org.concierge.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Framework refusals (unknown path, wrong method or media type, a role check) as problems. A role
 * check that fails for want of any token is a 401, not the 403 the framework says.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context SecurityContext security;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status == 403 && security.getUserPrincipal() == null) {
      return Problems.unauthorized();
    }
    if (status >= 500) {
      return UnexpectedExceptionMapper.internalError(e);
    }
    return Problems.forStatus(status);
  }
}
