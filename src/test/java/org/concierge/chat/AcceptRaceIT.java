package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class AcceptRaceIT {

  private static final int ROUNDS = 20;

  @Test
  void ofTwoAgentsAcceptingAtOnceExactlyOneWins(Desk desk) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Session traveler = desk.newTraveler();
        Reply started =
            traveler.client().post("/api/chat/start", Json.of("subject", "Race " + round));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String roomId = started.json().getString("id");
        List<Session> agents = List.of(desk.newAgent(), desk.newAgent());

        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Reply>> accepts =
            agents.stream()
                .map(
                    agent ->
                        pool.submit(
                            () -> {
                              together.await(30, TimeUnit.SECONDS);
                              return agent.client().post("/api/chat/" + roomId + "/accept");
                            }))
                .toList();
        Reply first = accepts.get(0).get(60, TimeUnit.SECONDS);
        Reply second = accepts.get(1).get(60, TimeUnit.SECONDS);

        assertThat(List.of(first.status(), second.status()))
            .as("round %d: %s / %s", round, first, second)
            .containsExactlyInAnyOrder(200, 409);
        Session winner = first.status() == 200 ? agents.get(0) : agents.get(1);
        Reply won = first.status() == 200 ? first : second;
        Reply lost = first.status() == 200 ? second : first;

        assertThat(won.json().getString("status")).isEqualTo("active");
        assertThat(won.json().getJsonObject("agent").getString("id")).isEqualTo(winner.id());
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.json().getInt("status")).isEqualTo(409);

        Reply chat = traveler.client().get("/api/chat/" + roomId);
        assertThat(chat.status()).isEqualTo(200);
        JsonObject seen = chat.json();
        assertThat(seen.getString("status")).isEqualTo("active");
        assertThat(seen.getJsonObject("agent").getString("id")).isEqualTo(winner.id());
        assertThat(seen.getJsonObject("agent").getString("name")).isEqualTo(winner.name());
        Session loser = winner == agents.get(0) ? agents.get(1) : agents.get(0);
        assertThat(winner.client().get("/api/chat/" + roomId).status()).isEqualTo(200);
        assertThat(loser.client().get("/api/chat/" + roomId).status()).isEqualTo(404);

        Reply transcript = traveler.client().get("/api/chat/" + roomId + "/messages");
        assertThat(transcript.items())
            .as("one system message tells who joined")
            .hasSize(1)
            .allSatisfy(m -> assertThat(m.asJsonObject().getString("type")).isEqualTo("system"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyAPendingChatCanBeAccepted(Desk desk) {
    Session agent = desk.newAgent();
    Session traveler = desk.newTraveler();
    Reply unknown = agent.client().post("/api/chat/000000000000000000000000/accept");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    String roomId = traveler.client().post("/api/chat/start", Json.of()).json().getString("id");
    // A chat waiting for an agent has agent: null, in lists and on its own alike.
    JsonObject listed = traveler.client().get("/api/chat/history").items().getJsonObject(0);
    assertThat(listed.getString("id")).isEqualTo(roomId);
    assertThat(listed.containsKey("agent") && listed.isNull("agent"))
        .as(listed.toString())
        .isTrue();
    JsonObject alone = traveler.client().get("/api/chat/" + roomId).json();
    assertThat(alone.containsKey("agent") && alone.isNull("agent")).as(alone.toString()).isTrue();

    assertThat(traveler.client().post("/api/chat/" + roomId + "/accept").status()).isEqualTo(403);
    assertThat(traveler.client().post("/api/chat/" + roomId + "/close").status()).isEqualTo(200);
    assertThat(agent.client().post("/api/chat/" + roomId + "/accept").status()).isEqualTo(409);
    Reply chat = traveler.client().get("/api/chat/" + roomId);
    assertThat(chat.json().getString("status")).isEqualTo("closed");
    assertThat(chat.json().containsKey("agent") && chat.json().isNull("agent")).isTrue();
  }
}
