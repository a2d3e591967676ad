package org.concierge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.concierge.identity.DeskSession;

/** Ends the dashboard session of this browser. */
@Named("signOut")
@RequestScoped
public class SignOutView {

  @Inject HttpServletRequest request;

  public String signOut() {
    DeskSession.end(request);
    return "/signin.xhtml?faces-redirect=true";
  }
}
