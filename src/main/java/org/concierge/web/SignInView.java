package org.concierge.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.concierge.identity.DeskSession;
import org.concierge.identity.IdentityService;
import org.concierge.identity.User;
import org.concierge.platform.ClientAddress;
import org.concierge.platform.Forbidden;
import org.concierge.platform.RateLimited;
import org.concierge.platform.Unauthorized;

/** The sign-in form of the dashboard, for agents and admins. */
@Named("signIn")
@RequestScoped
public class SignInView {

  static final String DASHBOARD = "/desk/index.xhtml?faces-redirect=true";

  @Inject IdentityService identity;
  @Inject ClientAddress clientAddress;
  @Inject HttpServletRequest request;

  private String email;
  private String password;

  /** Someone already signed in goes straight to the dashboard. */
  public String skipWhenSignedIn() {
    return DeskSession.of(request).isPresent() ? DASHBOARD : null;
  }

  public String signIn() {
    try {
      User user =
          identity
              .login(
                  email == null ? "" : email.strip().toLowerCase(Locale.ROOT),
                  password == null ? "" : password,
                  clientAddress.of(request))
              .user();
      if (!user.servesChats()) {
        return refuse(
            "This sign-in is for agents and admins. Travelers chat from the travel company's"
                + " website.");
      }
      DeskSession.start(request, user);
      return DASHBOARD;
    } catch (Unauthorized wrong) {
      return refuse("The email or password is wrong.");
    } catch (Forbidden disabled) {
      return refuse(disabled.getMessage());
    } catch (RateLimited throttled) {
      long minutes = Math.max(1, (throttled.retryAfterSeconds() + 59) / 60);
      return refuse(
          "Too many failed attempts. Try again in "
              + minutes
              + (minutes == 1 ? " minute." : " minutes."));
    }
  }

  private String refuse(String why) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, why, null));
    password = null;
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
