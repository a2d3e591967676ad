package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.concierge.testing.Client;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The events of the catalogue, as the observers deployed with the tests see them: one per change,
 * delivered once synchronously (before the caller gets its answer) and once asynchronously.
 */
@ExtendWith(ServerExtension.class)
class ChatEventsIT {

  private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(15);

  /** One observed event of a room, as the journal lists it. */
  private record Event(String type, Long seq) {
    static Event of(String type) {
      return new Event(type, null);
    }

    static Event posted(long seq) {
      return new Event("MessagePosted", seq);
    }
  }

  @Test
  void aChatsWholeLifeFiresEachEventOnceSyncAndAsync(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session colleague = desk.newAgent();
    Journal journal = new Journal(desk.anonymous());
    List<Event> expected = new ArrayList<>();

    Reply started =
        traveler
            .client()
            .post("/api/chat/start", Json.of("subject", "Lost bag", "message", "Hello?"));
    assertThat(started.status()).isEqualTo(201);
    String room = started.json().getString("id");
    expect(expected, Event.of("ChatStarted"), Event.posted(1));
    journal.check(room, expected);

    String clientId = UUID.randomUUID().toString();
    Reply posted = post(traveler, room, clientId, "It was a red suitcase.");
    assertThat(posted.status()).isEqualTo(201);
    expect(expected, Event.posted(2));
    journal.check(room, expected);

    Reply resent = post(traveler, room, clientId, "It was a red suitcase.");
    assertThat(resent.status()).isEqualTo(200);
    journal.check(room, expected);

    assertThat(agent.client().post(path(room, "accept")).status()).isEqualTo(200);
    expect(expected, Event.of("ChatAssigned"), Event.posted(3));
    journal.check(room, expected);

    Reply lateAccept = colleague.client().post(path(room, "accept"));
    assertThat(lateAccept.status()).isEqualTo(409);
    journal.check(room, expected);

    assertThat(post(agent, room, UUID.randomUUID().toString(), "Let me look.").status())
        .isEqualTo(201);
    expect(expected, Event.posted(4));
    journal.check(room, expected);

    assertThat(agent.client().put(path(room, "priority"), Json.of("priority", "high")).status())
        .isEqualTo(200);
    expect(expected, Event.of("PriorityChanged"), Event.posted(5));
    journal.check(room, expected);

    Reply samePriority = agent.client().put(path(room, "priority"), Json.of("priority", "high"));
    assertThat(samePriority.status())
        .as("setting the priority it has changes nothing")
        .isEqualTo(200);
    journal.check(room, expected);

    Reply transferred =
        agent
            .client()
            .post(path(room, "transfer"), Json.of("agentId", colleague.id(), "note", "Baggage"));
    assertThat(transferred.status()).isEqualTo(200);
    expect(expected, Event.of("ChatTransferred"), Event.posted(6));
    journal.check(room, expected);

    assertThat(colleague.client().post(path(room, "escalate"), Json.of("reason", "VIP")).status())
        .isEqualTo(200);
    expect(expected, Event.of("ChatEscalated"), Event.posted(7));
    journal.check(room, expected);

    assertThat(colleague.client().post(path(room, "escalate"), Json.of()).status()).isEqualTo(409);
    assertThat(traveler.client().post(path(room, "rating"), Json.of("score", 5)).status())
        .as("not closed yet")
        .isEqualTo(409);
    journal.check(room, expected);

    assertThat(traveler.client().post(path(room, "close"), Json.of("reason", "Found it")).status())
        .isEqualTo(200);
    expect(expected, Event.of("ChatClosed"), Event.posted(8));
    journal.check(room, expected);

    assertThat(colleague.client().post(path(room, "close")).status()).isEqualTo(409);
    assertThat(post(traveler, room, UUID.randomUUID().toString(), "Thanks!").status())
        .isEqualTo(409);
    assertThat(post(traveler, room, clientId, "It was a red suitcase.").status())
        .as("a resend of a message stored before the close still gets its answer")
        .isEqualTo(200);
    journal.check(room, expected);

    assertThat(traveler.client().post(path(room, "rating"), Json.of("score", 5)).status())
        .isEqualTo(200);
    expect(expected, Event.of("ChatRated"), Event.posted(9));
    journal.check(room, expected);

    assertThat(traveler.client().post(path(room, "rating"), Json.of("score", 1)).status())
        .isEqualTo(409);
    journal.check(room, expected);

    // Nothing more can happen in this room; a change in another one tells that the async
    // deliveries fired before it have had their turn.
    Session other = desk.newTraveler();
    String sentinel = other.client().post("/api/chat/start", Json.of()).json().getString("id");
    journal.check(sentinel, List.of(Event.of("ChatStarted")));
    journal.check(room, expected);

    Reply chat = traveler.client().get("/api/chat/" + room);
    assertThat(chat.json().getJsonNumber("lastSeq").longValue()).isEqualTo(9);
    for (String delivery : List.of("sync", "async")) {
      assertThat(
              journal.of(room, delivery).stream()
                  .filter(e -> e.type().equals("MessagePosted"))
                  .map(Event::seq))
          .as("%s MessagePosted seqs", delivery)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 9).boxed().toList());
    }
  }

  @Test
  void systemMessagesFireMessagePostedWithTheirSeq(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session admin = desk.admin();
    Journal journal = new Journal(desk.anonymous());
    String room =
        traveler.client().post("/api/chat/start", Json.of("message", "Hi")).json().getString("id");
    agent.client().post(path(room, "accept"));
    admin.client().put(path(room, "priority"), Json.of("priority", "urgent"));
    post(agent, room, UUID.randomUUID().toString(), "Hello, how can I help?");
    agent.client().post(path(room, "escalate"));
    admin.client().post(path(room, "close"), Json.of("reason", "Resolved"));

    List<JsonObject> transcript =
        traveler.client().get(path(room, "messages")).items().stream()
            .map(v -> v.asJsonObject())
            .toList();
    List<Long> systemSeqs =
        transcript.stream()
            .filter(m -> m.getString("type").equals("system"))
            .map(m -> m.getJsonNumber("seq").longValue())
            .toList();
    assertThat(systemSeqs).containsExactly(2L, 3L, 5L, 6L);
    assertThat(transcript)
        .filteredOn(m -> m.getString("type").equals("system"))
        .allSatisfy(
            m -> {
              JsonObject sender = m.getJsonObject("sender");
              assertThat(sender.getString("id")).isEqualTo("system");
              assertThat(sender.getString("name")).isEqualTo("Concierge");
              assertThat(sender.getString("role")).isEqualTo("system");
            });

    List<Event> expected =
        List.of(
            Event.of("ChatStarted"),
            Event.posted(1),
            Event.of("ChatAssigned"),
            Event.posted(2),
            Event.of("PriorityChanged"),
            Event.posted(3),
            Event.posted(4),
            Event.of("ChatEscalated"),
            Event.posted(5),
            Event.of("ChatClosed"),
            Event.posted(6));
    journal.check(room, expected);
  }

  @Test
  void aRepeatedClientIdOrARefusedChangeFiresNothing(Desk desk) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session stranger = desk.newAgent();
    Journal journal = new Journal(desk.anonymous());
    String room = traveler.client().post("/api/chat/start", Json.of()).json().getString("id");
    agent.client().post(path(room, "accept"));
    String clientId = UUID.randomUUID().toString();
    post(traveler, room, clientId, "Once");
    List<Event> expected =
        List.of(
            Event.of("ChatStarted"), Event.of("ChatAssigned"), Event.posted(1), Event.posted(2));
    journal.check(room, expected);

    for (int i = 0; i < 3; i++) {
      assertThat(post(traveler, room, clientId, "Once").status()).isEqualTo(200);
      assertThat(post(agent, room, clientId, "Not mine").status()).isEqualTo(200);
    }
    assertThat(stranger.client().post(path(room, "accept")).status()).isEqualTo(409);
    assertThat(agent.client().post(path(room, "accept")).status()).isEqualTo(409);
    assertThat(traveler.client().post(path(room, "rating"), Json.of("score", 4)).status())
        .isEqualTo(409);
    assertThat(stranger.client().post(path(room, "close")).status()).isEqualTo(404);
    assertThat(agent.client().post(path(room, "transfer"), Json.of("agentId", "nobody")).status())
        .isEqualTo(400);
    journal.check(room, expected);

    // The next change fires its own events and nothing left over from the refusals.
    assertThat(post(agent, room, UUID.randomUUID().toString(), "Twice").status()).isEqualTo(201);
    journal.check(
        room,
        List.of(
            Event.of("ChatStarted"),
            Event.of("ChatAssigned"),
            Event.posted(1),
            Event.posted(2),
            Event.posted(3)));
  }

  private static void expect(List<Event> expected, Event... events) {
    expected.addAll(List.of(events));
  }

  private static Reply post(Session who, String room, String clientId, String text) {
    return who.client().post(path(room, "messages"), Json.of("clientId", clientId, "text", text));
  }

  private static String path(String room, String action) {
    return "/api/chat/" + room + "/" + action;
  }

  /** The test deployment's journal of observed events, read over HTTP. */
  private record Journal(Client client) {

    List<Event> of(String roomId, String delivery) {
      Reply reply = client.get("/api/test/events");
      assertThat(reply.status()).isEqualTo(200);
      JsonArray entries;
      try (var reader = jakarta.json.Json.createReader(new StringReader(reply.body()))) {
        entries = reader.readArray();
      }
      return entries.stream()
          .map(v -> v.asJsonObject())
          .filter(e -> roomId.equals(e.getString("roomId", null)))
          .filter(e -> delivery.equals(e.getString("delivery")))
          .map(
              e ->
                  new Event(
                      e.getString("type"),
                      e.containsKey("seq") && !e.isNull("seq")
                          ? e.getJsonNumber("seq").longValue()
                          : null))
          .toList();
    }

    /**
     * Synchronous events are all there when the answer arrives; asynchronous ones a little later.
     * Both must be exactly {@code expected}, in any order.
     */
    void check(String roomId, List<Event> expected) {
      assertThat(of(roomId, "sync"))
          .as("sync events")
          .containsExactlyInAnyOrderElementsOf(expected);
      Instant deadline = Instant.now().plus(ASYNC_TIMEOUT);
      List<Event> async = of(roomId, "async");
      while (!sameEvents(async, expected) && Instant.now().isBefore(deadline)) {
        async = of(roomId, "async");
      }
      assertThat(async).as("async events").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static boolean sameEvents(List<Event> actual, List<Event> expected) {
      List<Event> left = new ArrayList<>(actual);
      for (Event event : expected) {
        if (!left.remove(event)) {
          return false;
        }
      }
      return left.isEmpty();
    }
  }
}
