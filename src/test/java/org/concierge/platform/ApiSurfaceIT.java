package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators, API explorers and browsers see of the server beyond the use cases. */
@ExtendWith(ServerExtension.class)
class ApiSurfaceIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Every path of API.md's Identity and Chats tables, with its method. */
  private static final Map<String, String> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put("/api/auth/register", "post");
    CONTRACT.put("/api/auth/login", "post");
    CONTRACT.put("/api/auth/visitor", "post");
    CONTRACT.put("/api/auth/me", "get");
    CONTRACT.put("/api/admin/users", "post get");
    CONTRACT.put("/api/agents/me/status", "put");
    CONTRACT.put("/api/agents", "get");
    CONTRACT.put("/api/chat/start", "post");
    CONTRACT.put("/api/chat/history", "get");
    CONTRACT.put("/api/chat/{roomId}", "get");
    CONTRACT.put("/api/chat/{roomId}/messages", "get post");
    CONTRACT.put("/api/chat/agent/unassigned", "get");
    CONTRACT.put("/api/chat/agent/assigned", "get");
    CONTRACT.put("/api/chat/{roomId}/accept", "post");
    CONTRACT.put("/api/chat/{roomId}/priority", "put");
    CONTRACT.put("/api/chat/{roomId}/transfer", "post");
    CONTRACT.put("/api/chat/{roomId}/escalate", "post");
    CONTRACT.put("/api/chat/{roomId}/close", "post");
    CONTRACT.put("/api/chat/{roomId}/rating", "post");
    CONTRACT.put("/api/chat/analytics/overview", "get");
    CONTRACT.put("/api/health", "get");
  }

  @Test
  void reportsItsHealth(Desk desk) {
    Reply health = desk.anonymous().get("/api/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    JsonObject body = health.json();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("checks")).isNotEmpty();
    assertThat(body.getJsonArray("checks"))
        .allSatisfy(c -> assertThat(c.asJsonObject().getString("status")).isEqualTo("UP"));
  }

  @Test
  void documentsEveryPathOfTheContractInOpenApi(Desk desk) {
    Reply openapi = desk.anonymous().get("/openapi?format=JSON");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.contentType()).startsWith("application/json");
    JsonObject paths = openapi.json().getJsonObject("paths");
    CONTRACT.forEach(
        (path, methods) -> {
          assertThat(paths).as("paths").containsKey(path);
          for (String method : methods.split(" ")) {
            assertThat(paths.getJsonObject(path)).as(path).containsKey(method);
          }
        });
    assertThat(openapi.json().getJsonObject("components").getJsonObject("securitySchemes"))
        .containsKey("bearer");
  }

  @Test
  void servesTheApiExplorer(ConciergeServer server) {
    HttpResponse<String> page = send(server, request(server, "/api-docs/").GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("/webjars/swagger-ui/5.27.1/swagger-ui-bundle.js");

    HttpResponse<String> bundle =
        send(server, request(server, "/webjars/swagger-ui/5.27.1/swagger-ui-bundle.js").GET());
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");

    HttpResponse<String> script = send(server, request(server, "/api-docs/api-docs.js").GET());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("/openapi?format=JSON");
  }

  @Test
  void answersUnknownPathsAndWrongMethodsWithProblems(Desk desk) {
    for (String path : new String[] {"/api/no-such-thing", "/api/chat/x/y/z", "/api"}) {
      Reply unknown = desk.anonymous().get(path);
      assertThat(unknown.status()).as(path).isEqualTo(404);
      assertThat(unknown.contentType()).as(path).startsWith("application/problem+json");
      assertThat(unknown.json().getInt("status")).isEqualTo(404);
    }

    Reply wrongMethod = desk.anonymous().raw("DELETE", "/api/health", null, "");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    assertThat(wrongMethod.json().getInt("status")).isEqualTo(405);
    assertThat(wrongMethod.body()).doesNotContain("Exception");
  }

  @Test
  void tellsBrowsersNotToSniffContentTypes(ConciergeServer server, Desk desk) {
    assertThat(desk.anonymous().get("/api/health").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
    assertThat(desk.anonymous().get("/api/no-such-thing").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
    assertThat(desk.anonymous().get("/api/auth/me").header("X-Content-Type-Options"))
        .isEqualTo("nosniff");
    assertThat(
            send(server, request(server, "/api-docs/").GET())
                .headers()
                .firstValue("X-Content-Type-Options"))
        .contains("nosniff");
  }

  @Test
  void letsAllowedOriginsCallTheApiFromABrowser(ConciergeServer server) {
    HttpResponse<String> preflight =
        send(
            server,
            request(server, "/api/auth/login")
                .header("Origin", "https://travel.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://travel.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("POST");
    assertThat(
            preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("authorization")
        .contains("content-type");

    HttpResponse<String> simple =
        send(
            server,
            request(server, "/api/health").header("Origin", "https://travel.example").GET());
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://travel.example");
  }

  @Test
  void givesOtherOriginsNoCorsHeaders(ConciergeServer server) {
    HttpResponse<String> preflight =
        send(
            server,
            request(server, "/api/auth/login")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

    HttpResponse<String> simple =
        send(server, request(server, "/api/health").header("Origin", "https://evil.example").GET());
    assertThat(simple.statusCode()).isEqualTo(200);
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static HttpRequest.Builder request(ConciergeServer server, String path) {
    return HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(ConciergeServer server, HttpRequest.Builder builder) {
    try {
      return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
