package org.concierge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.concierge.identity.Caller;
import org.concierge.identity.DeskSession;
import org.concierge.identity.IdentityService;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.platform.Unauthorized;

/**
 * The agent or admin behind this page request. {@link StaffPagesFilter} has already turned away
 * anyone else, so pages may rely on it.
 */
@Named("staff")
@RequestScoped
public class CurrentStaff {

  @Inject IdentityService identity;
  @Inject HttpServletRequest request;

  private User user;

  public User user() {
    if (user == null) {
      user =
          DeskSession.of(request)
              .flatMap(desk -> identity.findStaff(desk.userId()))
              .orElseThrow(() -> new Unauthorized("Sign in to the dashboard first."));
    }
    return user;
  }

  /** The same person as the API sees them, for calls into the services. */
  public Caller caller() {
    User me = user();
    return new Caller(me.id(), me.name(), me.role());
  }

  public String getName() {
    return user().name();
  }

  public String getId() {
    return user().id();
  }

  public boolean isAdmin() {
    return user().role() == Role.ADMIN;
  }
}
