package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.realtime.Sockets.auth;
import static org.concierge.realtime.Sockets.handshakeStatus;
import static org.concierge.realtime.Sockets.join;
import static org.concierge.realtime.Sockets.message;
import static org.concierge.realtime.Sockets.next;
import static org.concierge.realtime.Sockets.pendingRoom;
import static org.concierge.realtime.Sockets.ping;
import static org.concierge.realtime.Sockets.stillServing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handshake's Origin check and the first-frame authentication of {@code /ws/chat}. */
@ExtendWith(ServerExtension.class)
class SocketAuthIT {

  @Test
  void refusesTheHandshakeFromAForeignOriginWith403(ConciergeServer server) {
    int port = server.baseUri().getPort();
    for (String origin :
        List.of(
            "https://evil.example",
            "http://travel.example",
            "https://travel.example.evil.example",
            "https://travel.example:8443",
            "http://127.0.0.1:" + (port + 1),
            "null")) {
      assertThat(handshakeStatus(server, origin)).as(origin).isEqualTo(403);
    }
  }

  @Test
  void letsTheAllowedOriginTheServersOwnOriginAndNoOriginAuthenticate(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newVisitor();
    String own = "http://127.0.0.1:" + server.baseUri().getPort();
    for (String origin :
        new String[] {"https://travel.example", "HTTPS://Travel.Example", own, null}) {
      try (SocketClient socket = SocketClient.connect(server.webSocketUri(), origin, false)) {
        socket.send(auth(traveler.token()));
        JsonObject ready = next(socket);
        assertThat(ready.getString("type")).as("origin %s", origin).isEqualTo("ready");
        assertThat(ready.getJsonObject("user").getString("id")).isEqualTo(traveler.id());
      }
    }
  }

  @Test
  void aValidTokenIsAnsweredWithReadyAndTheUser(ConciergeServer server, Desk desk) {
    for (Session who :
        List.of(desk.newTraveler(), desk.newVisitor(), desk.newAgent(), desk.admin())) {
      try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
        socket.send(auth(who.token()));
        JsonObject ready = next(socket);
        assertThat(ready.getString("type")).isEqualTo("ready");
        JsonObject user = ready.getJsonObject("user");
        assertThat(user.getString("id")).isEqualTo(who.id());
        assertThat(user.getString("name")).isEqualTo(who.name());
        assertThat(user.getString("role")).isEqualTo(who.user().getString("role"));
        stillServing(socket);
      }
    }
  }

  @Test
  void aBadTokenClosesTheSocketWith4401(ConciergeServer server, Desk desk) {
    String token = desk.newTraveler().token();
    String tampered =
        token.substring(0, token.length() - 4)
            + (token.endsWith("AAAA") ? "BBBB" : "AAAA"); // the signature no longer matches
    String[] payload = token.split("\\.");
    String unsigned = payload[0] + "." + payload[1] + ".";
    for (String bad : List.of("nonsense", "", tampered, unsigned, "Bearer " + token)) {
      try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
        socket.send(auth(bad));
        assertThat(socket.awaitClose()).as("token %s", bad).isEqualTo(4401);
      }
    }
    try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
      socket.send(Json.of("type", "auth"));
      assertThat(socket.awaitClose()).as("no token").isEqualTo(4401);
    }
  }

  @Test
  void anyOtherFrameFirstClosesTheSocketWith4401(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    String room = pendingRoom(traveler);
    List<Consumer<SocketClient>> firstFrames =
        List.of(
            s -> s.send(join(room, 0)),
            s -> s.send(ping()),
            s -> s.send(message(room, "c-1", "Hello")),
            s -> s.send(Json.of("type", "dance")),
            s -> s.send(Json.of("token", traveler.token())),
            s -> s.sendText("{\"type\":\"auth\",\"token\":"),
            s -> s.sendText("not json at all"),
            s -> s.sendText("[\"auth\",\"" + traveler.token() + "\"]"));
    for (int i = 0; i < firstFrames.size(); i++) {
      try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
        firstFrames.get(i).accept(socket);
        assertThat(socket.awaitClose()).as("first frame #%d", i).isEqualTo(4401);
      }
    }
  }

  @Test
  void silenceClosesTheSocketWith4408AfterTenSeconds(ConciergeServer server) {
    try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
      long opened = System.nanoTime();
      int code = socket.awaitClose();
      Duration waited = Duration.ofNanos(System.nanoTime() - opened);
      assertThat(code).isEqualTo(4408);
      assertThat(waited).isBetween(Duration.ofMillis(9_500), Duration.ofSeconds(14));
    }
  }

  @Test
  void aTokenInTheUrlAuthenticatesNothing(ConciergeServer server, Desk desk) {
    String token = desk.newTraveler().token();
    for (String query : List.of("?token=", "?access_token=", "?jwt=")) {
      URI withToken = URI.create(server.webSocketUri() + query + token);
      try (SocketClient socket = SocketClient.connect(withToken)) {
        socket.send(ping());
        assertThat(socket.awaitClose()).as(query).isEqualTo(4401);
      }
    }
  }

  @Test
  void aSecondAuthOnAnAuthenticatedSocketIsRefusedAndTheSocketStaysOpen(
      ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session other = desk.newTraveler();
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      socket.send(auth(other.token()));
      Sockets.error(socket, "bad_request", null);
      stillServing(socket);
    }
  }
}
