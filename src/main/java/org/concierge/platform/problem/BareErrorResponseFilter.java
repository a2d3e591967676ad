package org.concierge.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives a problem body to error responses that left the framework without one (a filter that
 * aborted a request, for instance), so every error a client sees has the same shape.
 */
@Provider
@ApplicationScoped
public class BareErrorResponseFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || response.hasEntity()) {
      return;
    }
    if (status == 403 && request.getSecurityContext().getUserPrincipal() == null) {
      status = 401;
      response.setStatus(401);
      response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
    }
    response.setEntity(
        Problem.of(status, StatusTitles.title(status), StatusTitles.detail(status)),
        null,
        Problem.PROBLEM_JSON);
  }
}
