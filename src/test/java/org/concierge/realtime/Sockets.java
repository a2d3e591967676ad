package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;

/** The steps socket tests repeat, each checking what a client of API.md relies on. */
final class Sockets {

  /** How long to listen when asserting that nothing (more) arrives. */
  static final Duration QUIET = Duration.ofMillis(500);

  /** An id no chat has. */
  static final String UNKNOWN_ID = "0123456789abcdef01234567";

  private Sockets() {}

  // ---- REST steps -------------------------------------------------------------------------

  /** Starts a chat with the given body members; it must answer 201. */
  static JsonObject start(Session traveler, Object... body) {
    Reply reply = traveler.client().post("/api/chat/start", Json.of(body));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /** A pending chat of {@code traveler}, with no message. */
  static String pendingRoom(Session traveler) {
    return start(traveler, "subject", "Waiting").getString("id");
  }

  /** A chat of {@code traveler}, accepted by {@code agent}: seq 1 the traveler's, seq 2 system. */
  static String activeRoom(Session traveler, Session agent) {
    String room = start(traveler, "subject", "My booking", "message", "Hello?").getString("id");
    accept(agent, room);
    return room;
  }

  static JsonObject accept(Session agent, String room) {
    return ok(agent.client().post("/api/chat/" + room + "/accept"));
  }

  /** The chat as {@code who} sees it now. */
  static JsonObject chat(Session who, String room) {
    return ok(who.client().get("/api/chat/" + room));
  }

  /** Posts a message over REST; it must answer 201. */
  static JsonObject post(Session who, String room, String text) {
    return post(who, room, UUID.randomUUID().toString(), text);
  }

  static JsonObject post(Session who, String room, String clientId, String text) {
    Reply reply =
        who.client()
            .post("/api/chat/" + room + "/messages", Json.of("clientId", clientId, "text", text));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /** Every stored message of the chat, following the pages. */
  static List<JsonObject> transcript(Session who, String room) {
    List<JsonObject> all = new ArrayList<>();
    long after = 0;
    while (true) {
      Reply page = who.client().get("/api/chat/" + room + "/messages?limit=100&after=" + after);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      List<JsonObject> items =
          page.items().stream().map(jakarta.json.JsonValue::asJsonObject).toList();
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      after = seq(items.get(items.size() - 1));
    }
  }

  static JsonObject ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  // ---- frames -----------------------------------------------------------------------------

  static JsonObject join(String room, long afterSeq) {
    return Json.of("type", "join", "roomId", room, "afterSeq", afterSeq);
  }

  static JsonObject message(String room, String clientId, String text) {
    return Json.of("type", "message", "roomId", room, "clientId", clientId, "text", text);
  }

  static JsonObject ping() {
    return Json.of("type", "ping");
  }

  static JsonObject auth(String token) {
    return Json.of("type", "auth", "token", token);
  }

  // ---- socket steps -----------------------------------------------------------------------

  /** Joins and returns the {@code joined} frame, which must be the next frame of the socket. */
  static JsonObject joined(SocketClient socket, String room, long afterSeq) {
    socket.send(join(room, afterSeq));
    JsonObject joined = next(socket);
    assertThat(joined.getString("type")).as(joined.toString()).isEqualTo("joined");
    assertThat(joined.getString("roomId")).isEqualTo(room);
    assertThat(joined.getJsonObject("chat").getString("id")).isEqualTo(room);
    return joined;
  }

  /** Joins, and checks that the replay is exactly {@code from..to}, in order. */
  static JsonObject joinedWithReplay(SocketClient socket, String room, long afterSeq, long to) {
    JsonObject joined = joined(socket, room, afterSeq);
    assertThat(seqs(nextFrames(socket, (int) (to - afterSeq))))
        .as("replay after %d", afterSeq)
        .containsExactlyElementsOf(range(afterSeq + 1, to));
    return joined;
  }

  /** The next frame, whatever its type. */
  static JsonObject next(SocketClient socket) {
    return socket.await(frame -> true, "any");
  }

  /** The next {@code count} frames, which must all be {@code message} frames: their messages. */
  static List<JsonObject> nextFrames(SocketClient socket, int count) {
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject frame = next(socket);
      assertThat(frame.getString("type")).as(frame.toString()).isEqualTo("message");
      messages.add(frame.getJsonObject("message"));
    }
    return messages;
  }

  /** The messages of the next {@code count} {@code message} frames, skipping other frames. */
  static List<JsonObject> messages(SocketClient socket, int count) {
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(socket.await("message").getJsonObject("message"));
    }
    return messages;
  }

  /** The next {@code error} frame, which must carry this code and ref. */
  static JsonObject error(SocketClient socket, String code, String ref) {
    JsonObject error = socket.await("error");
    assertThat(error.getString("code")).as(error.toString()).isEqualTo(code);
    if (ref == null) {
      assertThat(!error.containsKey("ref") || error.isNull("ref")).as(error.toString()).isTrue();
    } else {
      assertThat(error.getString("ref")).as(error.toString()).isEqualTo(ref);
    }
    assertThat(error.getString("message")).as(error.toString()).isNotBlank();
    return error;
  }

  /** A ping is still answered: the socket is open and serving. */
  static void stillServing(SocketClient socket) {
    socket.send(ping());
    JsonObject pong = next(socket);
    assertThat(pong.getString("type")).as(pong.toString()).isEqualTo("pong");
    assertThat(socket.isOpen()).isTrue();
  }

  /** Nothing at all arrives for a while. */
  static void silent(SocketClient socket) {
    assertThat(socket.drain(QUIET)).isEmpty();
  }

  /** No frame of this type arrives for a while (others may). */
  static void noneOf(SocketClient socket, String type) {
    assertThat(socket.drain(QUIET))
        .filteredOn(frame -> type.equals(frame.getString("type")))
        .isEmpty();
  }

  /** A socket that sent nothing yet, refused or not, for a handshake's answer. */
  static int handshakeStatus(ConciergeServer server, String origin) {
    return handshakeStatus(server.webSocketUri(), origin);
  }

  /** 101 for a socket that opened (it is closed again), else the HTTP status of the refusal. */
  static int handshakeStatus(URI uri, String origin) {
    try {
      SocketClient.connect(uri, origin, false).close();
      return 101;
    } catch (CompletionException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
        cause = cause.getCause();
      }
      if (cause == null) {
        throw e;
      }
      return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }
  }

  // ---- values -----------------------------------------------------------------------------

  static long seq(JsonObject message) {
    return message.getJsonNumber("seq").longValue();
  }

  static List<Long> seqs(List<JsonObject> messages) {
    return messages.stream().map(Sockets::seq).toList();
  }

  static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  static String clientId() {
    return UUID.randomUUID().toString();
  }
}
