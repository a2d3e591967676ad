package org.concierge.realtime;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Serves the AsyncAPI document of the WebSocket protocol at {@code /asyncapi}, beside {@code
 * /openapi}.
 */
@WebServlet(name = "asyncapi", urlPatterns = "/asyncapi")
public class AsyncApiServlet extends HttpServlet {

  private static final String DOCUMENT = "/META-INF/concierge/asyncapi.yaml";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/yaml");
    response.setCharacterEncoding("UTF-8");
    try (InputStream document = AsyncApiServlet.class.getResourceAsStream(DOCUMENT)) {
      document.transferTo(response.getOutputStream());
    }
  }
}
