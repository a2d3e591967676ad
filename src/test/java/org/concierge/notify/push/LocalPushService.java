package org.concierge.notify.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A push service of a browser vendor, played on this machine: each subscription gets an endpoint of
 * its own, every push posted to it is kept as received, and it answers 201 (accepted) unless a test
 * told the endpoint to answer something else first.
 */
final class LocalPushService implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  /** A push as the push service received it. */
  record Received(Map<String, List<String>> headers, byte[] body, int answeredWith) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Integer>> answers = new ConcurrentHashMap<>();

  LocalPushService() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/push/", this::receive);
    server.start();
  }

  /** A new endpoint, as a push service hands one to a browser that subscribes. */
  String newEndpoint() {
    String path = "/push/" + UUID.randomUUID();
    received.put(path, new LinkedBlockingQueue<>());
    answers.put(path, new ConcurrentLinkedQueue<>());
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The origin of the endpoints: what a VAPID token's audience must be. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next pushes to {@code endpoint} are answered with these statuses, in order. */
  void answerNext(String endpoint, Integer... statuses) {
    answers.get(path(endpoint)).addAll(List.of(statuses));
  }

  /** The next push to {@code endpoint}; fails when none arrives in time. */
  Received next(String endpoint) {
    try {
      Received push = received.get(path(endpoint)).poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      if (push == null) {
        throw new AssertionError("no push reached " + endpoint + " within " + PATIENCE);
      }
      return push;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      ConcurrentLinkedQueue<Integer> planned = answers.get(path);
      Integer next = planned == null ? null : planned.poll();
      int status = planned == null ? 404 : next == null ? 201 : next;
      if (received.containsKey(path)) {
        received
            .get(path)
            .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
      }
      if (status == 201) {
        exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static String path(String endpoint) {
    return java.net.URI.create(endpoint).getPath();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
