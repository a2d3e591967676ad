package org.concierge.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of {@code /ws/chat}, as the widget or the dashboard would be: frames arrive in
 * a queue that tests poll with a deadline; the close code is kept. Reading can be paused to play a
 * client that stalls.
 */
public final class SocketClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final boolean manualDemand;
  private WebSocket socket;

  private SocketClient(boolean manualDemand) {
    this.manualDemand = manualDemand;
  }

  /** Opens a socket without an Origin header, as a non-browser client. */
  public static SocketClient connect(URI uri) {
    return connect(uri, null, false);
  }

  /**
   * @param origin the Origin header to send, or null for none
   * @param manualDemand when true, frames are read only as {@link #request} asks
   */
  public static SocketClient connect(URI uri, String origin, boolean manualDemand) {
    SocketClient client = new SocketClient(manualDemand);
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    client.socket = builder.buildAsync(uri, client.new Listener()).join();
    return client;
  }

  /** Opens a socket and authenticates it with the session's token; waits for {@code ready}. */
  public static SocketClient signedIn(ConciergeServer server, Session session) {
    SocketClient client = connect(server.webSocketUri());
    client.send(Json.of("type", "auth", "token", session.token()));
    client.await("ready");
    return client;
  }

  public SocketClient send(JsonValue frame) {
    return sendText(frame.toString());
  }

  public SocketClient sendText(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  /** Lets {@code n} more frames in, for a client created with manual demand. */
  public void request(long n) {
    socket.request(n);
  }

  /** The next frame of this type, skipping others; fails after {@link #WAIT}. */
  public JsonObject await(String type) {
    return await(frame -> type.equals(frame.getString("type", null)), type);
  }

  public JsonObject await(Predicate<JsonObject> wanted, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
        if (frame == null) {
          throw new AssertionError("no " + what + " frame within " + WAIT);
        }
        if (wanted.test(frame)) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame, whatever its type, or null when none arrives within {@code timeout}. */
  public JsonObject poll(Duration timeout) {
    try {
      return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every frame that arrives within {@code window}. */
  public List<JsonObject> drain(Duration window) {
    List<JsonObject> all = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    try {
      for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        JsonObject frame = frames.poll(left, TimeUnit.NANOSECONDS);
        if (frame != null) {
          all.add(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return all;
  }

  /** The close code the server closed with; fails if it does not close in time. */
  public int awaitClose() {
    try {
      return closeCode.get(WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the socket was not closed", e);
    }
  }

  public boolean isOpen() {
    return !closeCode.isDone() && !socket.isInputClosed();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {

    @Override
    public void onOpen(WebSocket webSocket) {
      if (!manualDemand) {
        webSocket.request(1); // with manual demand, nothing is read until request() asks
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(
            jakarta.json.Json.createReader(new StringReader(partial.toString())).readObject());
        partial.setLength(0);
      }
      if (!manualDemand) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(-1);
    }
  }
}
