package org.concierge.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A lean socket for load: hands every frame to a handler as it arrives, and chains sends, since a
 * JDK WebSocket takes one send at a time and an agent's socket sends for several rooms.
 */
final class BenchSocket {

  private final WebSocket socket;
  private final StringBuilder partial = new StringBuilder();
  private CompletableFuture<WebSocket> lastSend;

  private BenchSocket(HttpClient http, URI uri, Consumer<JsonObject> handler, IntConsumer closed) {
    this.socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .buildAsync(uri, new Listener(handler, closed))
            .join();
    this.lastSend = CompletableFuture.completedFuture(socket);
  }

  static BenchSocket open(HttpClient http, URI uri, Consumer<JsonObject> handler) {
    return new BenchSocket(http, uri, handler, code -> {});
  }

  /** A socket that also reports when the server closes it, with the close code. */
  static BenchSocket open(
      HttpClient http, URI uri, Consumer<JsonObject> handler, IntConsumer closed) {
    return new BenchSocket(http, uri, handler, closed);
  }

  synchronized void send(String text) {
    lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
  }

  void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {

    private final Consumer<JsonObject> handler;
    private final IntConsumer closed;

    Listener(Consumer<JsonObject> handler, IntConsumer closed) {
      this.handler = handler;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.accept(statusCode);
      return null;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handler.accept(Json.createReader(new StringReader(partial.toString())).readObject());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
