package org.concierge.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (see web.xml): errors raised before a request reaches JAX-RS,
 * such as a rejected bearer token, an unknown address or an oversized body, answer as problem
 * documents too.
 */
@WebServlet(name = "container-errors", urlPatterns = "/problem")
public class ContainerErrorServlet extends HttpServlet {

  private final Jsonb json = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 404;
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    Problem problem = Problem.of(status, StatusTitles.title(status), StatusTitles.detail(status));
    response.getWriter().write(json.toJson(problem));
  }
}
