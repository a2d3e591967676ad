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

  /** The dashboard's service worker, which shows pushes while the dashboard is closed. */
  private static final String SERVICE_WORKER = "/desk/sw.js";

  @Inject IdentityService identity;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (SERVICE_WORKER.equals(request.getServletPath() + nullToEmpty(request.getPathInfo()))) {
      // The browser fetches it again now and then, signed in or not; a redirect to the sign-in
      // page would fail that update. It is a static script that holds nothing of anyone's.
      chain.doFilter(request, response);
      return;
    }
    Optional<User> staff =
        DeskSession.of(request).flatMap(desk -> identity.findStaff(desk.userId()));
    if (staff.isEmpty()) {
      DeskSession.end(request);
      toSignIn(request, response);
      return;
    }
    if (request.getServletPath().startsWith("/admin/") && staff.get().role() != Role.ADMIN) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "These pages are for admins.");
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /**
   * Sends the browser to the sign-in page. A page's own Ajax requests (a poll, a button) are told
   * in the partial response Faces understands, so the whole page goes, not just a fragment of it.
   */
  private static void toSignIn(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String signIn = request.getContextPath() + "/signin.xhtml";
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + signIn
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(signIn);
  }
}
