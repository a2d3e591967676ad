package org.concierge.realtime;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.concierge.platform.Origins;

/**
 * Refuses (403) a browser's handshake from an origin that is neither allowed, nor the public URL,
 * nor the origin the request was addressed to. Clients that send no Origin are not browsers and go
 * on to authenticate with their first frame.
 */
public class SocketHandshake extends ServerEndpointConfig.Configurator {

  @Override
  public boolean checkOrigin(String origin) {
    if (origin == null) {
      return true;
    }
    HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
    String addressedTo = request.getScheme() + "://" + request.getHeader("Host");
    return CDI.current().select(Origins.class).get().allowed(origin, addressedTo);
  }
}
