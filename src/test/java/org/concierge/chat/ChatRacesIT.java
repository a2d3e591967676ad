package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.chat.Chats.acceptedChat;
import static org.concierge.chat.Chats.path;
import static org.concierge.chat.Chats.post;
import static org.concierge.chat.Chats.reload;
import static org.concierge.chat.Chats.start;
import static org.concierge.chat.Chats.transcript;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract promises when requests arrive at the same time. */
@ExtendWith(ServerExtension.class)
class ChatRacesIT {

  @Test
  void givesARacedChatToExactlyOneAgent(Desk desk) {
    JsonObject chat = start(desk.newTraveler());
    List<Session> agents = IntStream.range(0, 6).mapToObj(i -> desk.newAgent()).toList();

    List<Reply> replies =
        concurrently(agents.size(), i -> agents.get(i).client().post(path(chat) + "/accept"));

    assertThat(replies.stream().map(Reply::status))
        .containsOnly(200, 409)
        .filteredOn(status -> status == 200)
        .hasSize(1);
    Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    String agentId = winner.json().getJsonObject("agent").getString("id");
    assertThat(reload(desk.admin(), chat).getJsonObject("agent").getString("id"))
        .isEqualTo(agentId);
    List<JsonObject> messages = transcript(desk.admin(), chat);
    assertThat(messages)
        .hasSize(1)
        .allSatisfy(m -> assertThat(m.getString("type")).isEqualTo("system"));
  }

  @Test
  void numbersConcurrentMessagesWithoutGapsOrRepeats(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = acceptedChat(traveler, agent);
    int before = reload(traveler, chat).getInt("lastSeq");

    List<Reply> replies =
        concurrently(
            20, i -> post(i % 2 == 0 ? traveler : agent, chat, "message-" + i, "Message " + i));

    assertThat(replies.stream().map(Reply::status)).containsOnly(201);
    assertThat(replies.stream().map(r -> r.json().getInt("seq")))
        .doesNotHaveDuplicates()
        .allSatisfy(seq -> assertThat(seq).isBetween(before + 1, before + 20));
    List<JsonObject> messages = transcript(traveler, chat);
    assertThat(messages.stream().map(m -> m.getJsonNumber("seq").longValue()).toList())
        .isEqualTo(LongStream.rangeClosed(1, before + 20).boxed().toList());
    assertThat(reload(traveler, chat).getInt("lastSeq")).isEqualTo(before + 20);
  }

  @Test
  void storesAConcurrentlyResentMessageOnce(Desk desk) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler);

    List<Reply> replies = concurrently(8, i -> post(traveler, chat, "resent", "Are you there?"));

    assertThat(replies.stream().map(Reply::status))
        .containsOnly(201, 200)
        .filteredOn(status -> status == 201)
        .hasSize(1);
    assertThat(replies.stream().map(r -> r.json().getString("id")).distinct()).hasSize(1);
    assertThat(replies.stream().map(r -> r.json().getInt("seq"))).containsOnly(1);
    assertThat(transcript(traveler, chat)).hasSize(1);
  }

  @Test
  void keepsTheOpenChatLimitUnderConcurrentStarts(Desk desk) {
    Session traveler = desk.newTraveler();

    List<Reply> replies =
        concurrently(
            6, i -> traveler.client().post("/api/chat/start", Json.of("subject", "s" + i)));

    assertThat(replies.stream().map(Reply::status))
        .containsOnly(201, 409)
        .filteredOn(status -> status == 201)
        .hasSize(3);
    assertThat(traveler.client().get("/api/chat/history").items()).hasSize(3);
  }

  /** Runs {@code count} calls released at the same moment; their replies in call order. */
  private static List<Reply> concurrently(int count, IntFunction<Reply> call) {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.apply(index);
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get(60, TimeUnit.SECONDS));
      }
      return replies;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
