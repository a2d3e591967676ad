package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class SocketBasicsIT {

  @Test
  void travelerAndAgentTalkOverSockets(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat =
        traveler
            .client()
            .post("/api/chat/start", Json.of("subject", "Ferry", "message", "Hello"))
            .json();
    String room = chat.getString("id");
    agent.client().post("/api/chat/" + room + "/accept");

    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler);
        SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      travelerSocket.send(Json.of("type", "join", "roomId", room, "afterSeq", 0));
      JsonObject joined = travelerSocket.await("joined");
      assertThat(joined.getJsonObject("chat").getString("status")).isEqualTo("active");
      assertThat(travelerSocket.await("message").getJsonObject("message").getInt("seq"))
          .isEqualTo(1);
      assertThat(travelerSocket.await("message").getJsonObject("message").getInt("seq"))
          .isEqualTo(2);

      agentSocket.send(Json.of("type", "join", "roomId", room, "afterSeq", 2));
      agentSocket.await("joined");
      agentSocket.send(
          Json.of("type", "message", "roomId", room, "clientId", "a-1", "text", "Hi there"));
      JsonObject ack = agentSocket.await(f -> !"typing".equals(f.getString("type")), "ack");
      assertThat(ack.getString("type")).isEqualTo("ack");
      assertThat(ack.getInt("seq")).isEqualTo(3);
      assertThat(agentSocket.await("message").getJsonObject("message").getString("text"))
          .isEqualTo("Hi there");
      assertThat(travelerSocket.await("message").getJsonObject("message").getInt("seq"))
          .isEqualTo(3);
    }
  }

  @Test
  void closesWith4401WhenTheFirstFrameIsNotAValidAuth(ConciergeServer server) {
    try (SocketClient socket = SocketClient.connect(server.webSocketUri())) {
      socket.send(Json.of("type", "auth", "token", "nonsense"));
      assertThat(socket.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void refusesHandshakesFromForeignOrigins(ConciergeServer server) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SocketClient.connect(server.webSocketUri(), "https://evil.example", false))
        .rootCause()
        .hasMessageContaining("403");
    SocketClient.connect(server.webSocketUri(), "https://travel.example", false).close();
  }
}
