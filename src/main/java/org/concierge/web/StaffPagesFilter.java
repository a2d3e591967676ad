package org.concierge.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.concierge.identity.DeskSession;
import org.concierge.identity.IdentityService;
import org.concierge.identity.Role;
import org.concierge.identity.User;

/**
 * Lets only signed-in agents and admins reach the dashboard, and only admins the admin pages. The
 * account is looked up on every page, so a removed or demoted account loses its pages at once.
 */
@WebFilter(
    filterName = "staff-pages",
    urlPatterns = {"/desk/*", "/admin/*"})
public class StaffPagesFilter extends HttpFilter {

  @Inject IdentityService identity;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<User> staff =
        DeskSession.of(request).flatMap(desk -> identity.findStaff(desk.userId()));
    if (staff.isEmpty()) {
      DeskSession.end(request);
      response.sendRedirect(request.getContextPath() + "/signin.xhtml");
      return;
    }
    if (request.getServletPath().startsWith("/admin/") && staff.get().role() != Role.ADMIN) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "These pages are for admins.");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
