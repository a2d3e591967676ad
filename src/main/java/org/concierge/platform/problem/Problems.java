package org.concierge.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem responses for a status with its standard title. */
final class Problems {

  private Problems() {}

  static Response forStatus(int status, String detail) {
    return Problem.of(status, StatusTitles.title(status), detail).toResponse().build();
  }

  static Response forStatus(int status) {
    return forStatus(status, StatusTitles.detail(status));
  }

  static Response unauthorized() {
    return Problem.of(401, StatusTitles.title(401), StatusTitles.detail(401))
        .toResponse()
        .header("WWW-Authenticate", "Bearer")
        .build();
  }
}
