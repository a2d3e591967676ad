package org.concierge.testing;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client of the API, as a traveler's widget, an agent's dashboard or a booking system would
 * be: optionally signed in with a bearer token, coming from its own address (sent through the
 * trusted-proxy header, so throttling in one test does not touch another).
 */
public final class Client {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI base;
  private final String address;
  private final String token;
  private final Map<String, String> headers;

  Client(URI base, String address, String token) {
    this(base, address, token, Map.of());
  }

  private Client(URI base, String address, String token, Map<String, String> headers) {
    this.base = base;
    this.address = address;
    this.token = token;
    this.headers = headers;
  }

  public Client withToken(String newToken) {
    return new Client(base, address, newToken, headers);
  }

  /** This client sending one more header with every request (an API key, say). */
  public Client withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Client(base, address, token, Map.copyOf(more));
  }

  public String address() {
    return address;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, JsonValue body) {
    return send(json(request(path), body).method("POST", bodyOf(body)));
  }

  /** A POST with no body at all. */
  public Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Reply put(String path, JsonValue body) {
    return send(json(request(path), body).method("PUT", bodyOf(body)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  /** Any method with a raw body and media type, for malformed requests. */
  public Reply raw(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("X-Forwarded-For", address);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpRequest.Builder json(HttpRequest.Builder builder, JsonValue body) {
    return builder.header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher bodyOf(JsonValue body) {
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
