package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a client was told is stored is still there after the server process is killed. */
@ExtendWith(ServerExtension.class)
class CrashIT {

  @Test
  void keepsEveryAcknowledgedMessageWhenTheServerIsKilled(ConciergeServer server, Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    String room =
        traveler
            .client()
            .post("/api/chat/start", Json.of("subject", "Crash"))
            .json()
            .getString("id");
    assertThat(agent.client().post("/api/chat/" + room + "/accept").status()).isEqualTo(200);

    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Reply posted =
          traveler
              .client()
              .post(
                  "/api/chat/" + room + "/messages",
                  Json.of("clientId", "rest-" + i, "text", "Before the crash " + i));
      assertThat(posted.status()).isEqualTo(201);
      acknowledged.add(posted.json().getString("id"));
    }
    try (SocketClient socket = SocketClient.signedIn(server, agent)) {
      for (int i = 0; i < 15; i++) {
        socket.send(
            Json.of(
                "type", "message", "roomId", room, "clientId", "ws-" + i, "text", "Socket " + i));
        acknowledged.add(socket.await("ack").getString("id"));
      }
      server.crashAndRestart();
    }

    List<JsonObject> stored = new ArrayList<>();
    long after = 0;
    while (true) {
      Reply page =
          traveler.client().get("/api/chat/" + room + "/messages?limit=100&after=" + after);
      assertThat(page.status()).isEqualTo(200);
      page.items().forEach(item -> stored.add(item.asJsonObject()));
      if (page.items().isEmpty() || page.json().isNull("nextCursor")) {
        break;
      }
      after = Long.parseLong(page.json().getString("nextCursor"));
    }
    assertThat(stored.stream().map(m -> m.getString("id"))).containsAll(acknowledged);
    for (int i = 0; i < stored.size(); i++) {
      assertThat(stored.get(i).getInt("seq")).isEqualTo(i + 1);
    }
    // The chat's own counters, written behind its messages, were rebuilt from them at the start.
    Reply chat = traveler.client().get("/api/chat/" + room);
    assertThat(chat.json().getInt("lastSeq")).isEqualTo(stored.size());
    Reply next =
        traveler
            .client()
            .post(
                "/api/chat/" + room + "/messages",
                Json.of("clientId", "after", "text", "After the crash"));
    assertThat(next.status()).isEqualTo(201);
    assertThat(next.json().getInt("seq")).isEqualTo(stored.size() + 1);
  }
}
