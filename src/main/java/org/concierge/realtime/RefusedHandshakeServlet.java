package org.concierge.realtime;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What reaches {@code /ws/chat} without becoming a socket: a handshake whose origin {@link
 * SocketHandshake} refused (the container passes it on instead of answering), answered 403, and
 * plain HTTP requests, answered 400.
 */
@WebServlet(name = "refused-handshakes", urlPatterns = "/ws/chat")
public class RefusedHandshakeServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean handshake = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    response.sendError(
        handshake ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
  }
}
