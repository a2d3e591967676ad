package org.concierge.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The agent or admin signed in to the dashboard in one browser. It lives in the HTTP session, whose
 * cookie is HttpOnly and SameSite, so page scripts never see a credential that outlives the tab.
 */
public record DeskSession(String userId) implements Serializable {

  private static final String ATTRIBUTE = "concierge.desk";

  /** The signed-in staff member of this browser, if any; never creates a session. */
  public static Optional<DeskSession> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((DeskSession) session.getAttribute(ATTRIBUTE));
  }

  /** Signs the user in, under a new session id so that a planted id is worth nothing. */
  public static void start(HttpServletRequest request, User user) {
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(ATTRIBUTE, new DeskSession(user.id()));
  }

  public static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
