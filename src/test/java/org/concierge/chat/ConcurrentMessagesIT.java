package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentMessagesIT {

  private static final int CHATS = 10;
  private static final int MESSAGES = 1_000;
  private static final int THREADS = 32;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  /** An active chat with the two people who write in it. */
  private record Room(String id, Session traveler, Session agent) {}

  /** One message to post: who, where, with which clientId. */
  private record Post(Room room, Session author, String clientId, String text) {}

  /** A post and the server's answer to it. */
  private record Posted(Post post, Reply reply) {}

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void concurrentPostsGetGapFreeUniqueSeqsInEveryRoom(Desk desk) throws Exception {
    List<Room> rooms = activeRooms(desk);
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      Room room = rooms.get(i % CHATS);
      Session author = i % 2 == 0 ? room.traveler() : room.agent();
      posts.add(new Post(room, author, UUID.randomUUID().toString(), "message " + i));
    }

    List<Posted> answers = postAll(posts);

    for (Posted posted : answers) {
      assertThat(posted.reply().status()).as(posted.reply().toString()).isEqualTo(201);
      JsonObject message = posted.reply().json();
      assertThat(message.getString("clientId")).isEqualTo(posted.post().clientId());
      assertThat(message.getString("roomId")).isEqualTo(posted.post().room().id());
      assertThat(message.getString("text")).isEqualTo(posted.post().text());
      assertThat(message.getJsonObject("sender").getString("id"))
          .isEqualTo(posted.post().author().id());
    }
    for (Room room : rooms) {
      List<Posted> mine = answers.stream().filter(p -> p.post().room() == room).toList();
      List<JsonObject> stored = allMessages(room);
      long lastSeq = lastSeq(room);

      assertThat(stored.stream().map(m -> m.getJsonNumber("seq").longValue()))
          .as("seq of room %s", room.id())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, lastSeq).boxed().toList());
      assertThat(lastSeq).isEqualTo(1 + MESSAGES / CHATS);

      List<String> clientIds =
          stored.stream()
              .filter(m -> m.containsKey("clientId") && !m.isNull("clientId"))
              .map(m -> m.getString("clientId"))
              .toList();
      assertThat(clientIds).doesNotHaveDuplicates();
      assertThat(clientIds)
          .containsExactlyInAnyOrderElementsOf(
              mine.stream().map(p -> p.post().clientId()).toList());

      Map<String, JsonObject> byClientId =
          stored.stream()
              .filter(m -> m.containsKey("clientId") && !m.isNull("clientId"))
              .collect(Collectors.toMap(m -> m.getString("clientId"), m -> m));
      for (Posted posted : mine) {
        JsonObject answer = posted.reply().json();
        JsonObject kept = byClientId.get(posted.post().clientId());
        assertThat(kept.getString("id")).isEqualTo(answer.getString("id"));
        assertThat(kept.getJsonNumber("seq")).isEqualTo(answer.getJsonNumber("seq"));
        assertThat(kept.getString("text")).isEqualTo(posted.post().text());
      }
    }
  }

  @Test
  void resendingTheSameClientIdsConcurrentlyStoresNothing(Desk desk) throws Exception {
    List<Room> rooms = activeRooms(desk);
    List<Post> originals = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Room room = rooms.get(i % CHATS);
      Session author = i % 2 == 0 ? room.traveler() : room.agent();
      originals.add(new Post(room, author, UUID.randomUUID().toString(), "original " + i));
    }
    Map<String, JsonObject> first = new HashMap<>();
    for (Posted posted : postAll(originals)) {
      assertThat(posted.reply().status()).as(posted.reply().toString()).isEqualTo(201);
      first.put(posted.post().clientId(), posted.reply().json());
    }
    Map<Room, Long> lastSeqBefore = new LinkedHashMap<>();
    for (Room room : rooms) {
      lastSeqBefore.put(room, lastSeq(room));
    }

    // Each clientId resent three times at once, by its author, with a different text.
    List<Post> resends = new ArrayList<>();
    for (int copy = 0; copy < 3; copy++) {
      for (Post post : originals) {
        resends.add(new Post(post.room(), post.author(), post.clientId(), "resent " + copy));
      }
    }
    for (Posted posted : postAll(resends)) {
      assertThat(posted.reply().status()).as(posted.reply().toString()).isEqualTo(200);
      JsonObject original = first.get(posted.post().clientId());
      assertThat(posted.reply().json()).isEqualTo(original);
    }
    for (Room room : rooms) {
      assertThat(lastSeq(room)).isEqualTo(lastSeqBefore.get(room));
      List<JsonObject> stored = allMessages(room);
      assertThat(stored).hasSize(lastSeqBefore.get(room).intValue());
      assertThat(stored).noneMatch(m -> m.getString("text").startsWith("resent"));
    }
  }

  /** Ten active chats, each with its own traveler, served by two agents. */
  private List<Room> activeRooms(Desk desk) {
    List<Session> agents = List.of(desk.newAgent(), desk.newAgent());
    List<Room> rooms = new ArrayList<>();
    for (int i = 0; i < CHATS; i++) {
      Session traveler = desk.newTraveler();
      Reply started = traveler.client().post("/api/chat/start", Json.of("subject", "Load " + i));
      assertThat(started.status()).as(started.toString()).isEqualTo(201);
      String roomId = started.json().getString("id");
      Session agent = agents.get(i % agents.size());
      Reply accepted = agent.client().post("/api/chat/" + roomId + "/accept");
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
      rooms.add(new Room(roomId, traveler, agent));
    }
    return rooms;
  }

  private List<Posted> postAll(List<Post> posts) throws Exception {
    List<Future<Posted>> futures = new ArrayList<>();
    for (Post post : posts) {
      futures.add(
          pool.submit(
              () ->
                  new Posted(
                      post,
                      post.author()
                          .client()
                          .post(
                              "/api/chat/" + post.room().id() + "/messages",
                              Json.of("clientId", post.clientId(), "text", post.text())))));
    }
    List<Posted> answers = new ArrayList<>();
    for (Future<Posted> future : futures) {
      answers.add(future.get(5, TimeUnit.MINUTES));
    }
    return answers;
  }

  private static long lastSeq(Room room) {
    Reply chat = room.traveler().client().get("/api/chat/" + room.id());
    assertThat(chat.status()).isEqualTo(200);
    return chat.json().getJsonNumber("lastSeq").longValue();
  }

  /** Every message of a room, page by page with {@code after=}. */
  private static List<JsonObject> allMessages(Room room) {
    List<JsonObject> all = new ArrayList<>();
    String after = "0";
    for (int page = 0; page < 1_000; page++) {
      Reply reply =
          room.agent().client().get("/api/chat/" + room.id() + "/messages?limit=30&after=" + after);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      reply.items().forEach(m -> all.add(m.asJsonObject()));
      if (reply.json().isNull("nextCursor") || reply.items().isEmpty()) {
        return all;
      }
      after = reply.json().getString("nextCursor");
    }
    throw new AssertionError("paging did not end");
  }
}
