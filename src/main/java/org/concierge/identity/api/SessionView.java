package org.concierge.identity.api;

import org.concierge.identity.IdentityService;

/** A token and whom it is for. */
public record SessionView(String token, UserView user) {

  static SessionView of(IdentityService.Session session) {
    return new SessionView(session.token(), UserView.of(session.user()));
  }
}
