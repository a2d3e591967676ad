package org.concierge.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep browsers safe on every response, and CORS for the allowed origins: the widget
 * runs on the travel company's own site and calls the API from there.
 */
@WebFilter(filterName = "browser-headers", urlPatterns = "/*", asyncSupported = true)
public class BrowserHeadersFilter extends HttpFilter {

  /**
   * The policy of every page, kept in web.xml because PrimeFaces reads it from there too: it adds
   * its per-response script nonce to the Faces pages and sends the header for them itself.
   */
  private static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";

  @Inject Origins origins;

  private String policy;

  @Override
  public void init() {
    policy = getServletContext().getInitParameter(POLICY_PARAMETER);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!request.getServletPath().endsWith(".xhtml")) {
      response.setHeader("Content-Security-Policy", policy);
    }
    String origin = request.getHeader("Origin");
    if (origin != null && origins.allowed(origin, requestOrigin(request))) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Expose-Headers", "Retry-After, Location");
      response.addHeader("Vary", "Origin");
      if ("OPTIONS".equals(request.getMethod())
          && request.getHeader("Access-Control-Request-Method") != null) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static String requestOrigin(HttpServletRequest request) {
    return request.getScheme() + "://" + request.getHeader("Host");
  }
}
