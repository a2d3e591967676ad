package org.concierge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request really came from: the peer, or the last address a trusted reverse proxy put
 * in {@code X-Forwarded-For}. Throttling counts by it.
 */
@ApplicationScoped
public class ClientAddress {

  @Inject Settings settings;

  public String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !settings.trustedProxies().contains(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() ? peer : last;
  }
}
