package org.concierge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.chat.Chats.accept;
import static org.concierge.chat.Chats.close;
import static org.concierge.chat.Chats.everyItem;
import static org.concierge.chat.Chats.ids;
import static org.concierge.chat.Chats.invalid;
import static org.concierge.chat.Chats.nextCursor;
import static org.concierge.chat.Chats.problem;
import static org.concierge.chat.Chats.start;
import static org.concierge.chat.Chats.startChat;

import jakarta.json.JsonObject;
import java.util.List;
import org.concierge.testing.Desk;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A traveler's history, the queue of waiting chats, and an agent's chats. */
@ExtendWith(ServerExtension.class)
class ChatListsIT {

  private static final String QUEUE = "/api/chat/agent/unassigned";
  private static final String ASSIGNED = "/api/chat/agent/assigned";
  private static final String HISTORY = "/api/chat/history";

  @Test
  void listsTheTravelersChatsNewestFirst(Desk desk) {
    Session traveler = desk.newTraveler();
    Session other = desk.newTraveler();
    JsonObject a = start(traveler, "subject", "a");
    JsonObject b = start(traveler, "subject", "b");
    JsonObject c = start(traveler, "subject", "c");
    start(other, "subject", "not yours");
    close(traveler, a);
    JsonObject d = start(traveler, "subject", "d");
    close(traveler, b);
    JsonObject e = start(traveler, "subject", "e");
    List<String> newestFirst = ids(List.of(e, d, c, b, a));

    Reply all = traveler.client().get(HISTORY);
    assertThat(all.status()).isEqualTo(200);
    assertThat(ids(Chats.objects(all.items()))).isEqualTo(newestFirst);
    assertThat(nextCursor(all)).isNull();
    assertThat(Chats.objects(all.items()).get(4).getString("status")).isEqualTo("closed");
    JsonObject newest = Chats.objects(all.items()).get(0);
    assertThat(newest.getString("subject")).isEqualTo("e");
    assertThat(newest.getString("status")).isEqualTo("pending");
    assertThat(newest.isNull("agent")).as("a list writes chats as GET does").isTrue();
    assertThat(newest).isEqualTo(Chats.reload(traveler, e));

    Reply firstPage = traveler.client().get(HISTORY + "?limit=2");
    assertThat(ids(Chats.objects(firstPage.items()))).isEqualTo(newestFirst.subList(0, 2));
    assertThat(nextCursor(firstPage)).isNotNull();
    assertThat(ids(everyItem(traveler.client(), HISTORY, 2))).isEqualTo(newestFirst);
    assertThat(ids(everyItem(traveler.client(), HISTORY, 1))).isEqualTo(newestFirst);

    assertThat(ids(everyItem(other.client(), HISTORY, 20)))
        .hasSize(1)
        .doesNotContainAnyElementsOf(newestFirst);
    assertThat(desk.newVisitor().client().get(HISTORY).items()).isEmpty();
    invalid(traveler.client().get(HISTORY + "?cursor=not-a-cursor"), "cursor");
    invalid(traveler.client().get(HISTORY + "?limit=lots"), "limit");
    problem(desk.admin().client().get(HISTORY), 403);
    problem(desk.anonymous().get(HISTORY), 401);
  }

  @Test
  void servesTheQueueByPriorityThenAge(Desk desk) {
    Session one = desk.newTraveler();
    Session two = desk.newTraveler();
    JsonObject low = startChat(one, "low");
    JsonObject normal1 = startChat(one, "normal");
    JsonObject urgent1 = startChat(one, "urgent");
    JsonObject high = startChat(two, "high");
    JsonObject normal2 = start(two);
    JsonObject urgent2 = startChat(two, "urgent");
    List<String> mine = ids(List.of(low, normal1, urgent1, high, normal2, urgent2));
    List<String> queueOrder = ids(List.of(urgent1, urgent2, high, normal1, normal2, low));

    Session agent = desk.newAgent();
    List<JsonObject> queue = everyItem(agent.client(), QUEUE, 100);
    assertThat(queue).allSatisfy(c -> assertThat(c.getString("status")).isEqualTo("pending"));
    assertThat(ids(queue)).doesNotHaveDuplicates();
    assertThat(ids(queue).stream().filter(mine::contains).toList()).isEqualTo(queueOrder);
    assertThat(ranks(queue)).isSorted();
    assertThat(queue).allSatisfy(c -> assertThat(c.isNull("agent")).isTrue());
    Reply huge = agent.client().get(QUEUE + "?limit=1000");
    assertThat(huge.status()).as("a limit above 100 counts as 100").isEqualTo(200);
    assertThat(huge.items().size()).isLessThanOrEqualTo(100);

    List<JsonObject> paged = everyItem(desk.admin().client(), QUEUE, 2);
    assertThat(ids(paged)).doesNotHaveDuplicates();
    assertThat(ids(paged).stream().filter(mine::contains).toList()).isEqualTo(queueOrder);

    accept(agent, urgent1);
    List<String> after = ids(everyItem(agent.client(), QUEUE, 100));
    assertThat(after).doesNotContain(urgent1.getString("id"));
    assertThat(after.stream().filter(mine::contains).toList()).isEqualTo(queueOrder.subList(1, 6));

    problem(one.client().get(QUEUE), 403);
    problem(desk.anonymous().get(QUEUE), 401);
    invalid(agent.client().get(QUEUE + "?cursor=bm9wZQ"), "cursor");
  }

  @Test
  void listsAnAgentsActiveChats(Desk desk) {
    Session agent = desk.newAgent();
    Session colleague = desk.newAgent();
    Session traveler = desk.newTraveler();
    JsonObject first = accept(agent, start(traveler));
    JsonObject second = accept(agent, start(traveler));
    JsonObject third = accept(agent, start(traveler));
    accept(colleague, start(desk.newTraveler()));

    Reply own = agent.client().get(ASSIGNED);
    assertThat(own.status()).isEqualTo(200);
    assertThat(ids(Chats.objects(own.items()))).isEqualTo(ids(List.of(first, second, third)));
    assertThat(ids(everyItem(agent.client(), ASSIGNED, 1)))
        .isEqualTo(ids(List.of(first, second, third)));

    close(traveler, second);
    assertThat(ids(Chats.objects(agent.client().get(ASSIGNED).items())))
        .isEqualTo(ids(List.of(first, third)));
    Reply mineById = agent.client().get(ASSIGNED + "?agentId=" + agent.id());
    assertThat(mineById.status()).isEqualTo(200);
    assertThat(mineById.items()).hasSize(2);

    Reply byAdmin = desk.admin().client().get(ASSIGNED + "?agentId=" + agent.id());
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(ids(Chats.objects(byAdmin.items()))).isEqualTo(ids(List.of(first, third)));
    assertThat(desk.newAdmin().client().get(ASSIGNED).items()).isEmpty();
    assertThat(colleague.client().get(ASSIGNED).items()).hasSize(1);

    problem(colleague.client().get(ASSIGNED + "?agentId=" + agent.id()), 403);
    problem(traveler.client().get(ASSIGNED), 403);
    problem(desk.anonymous().get(ASSIGNED), 401);
  }

  private static List<Integer> ranks(List<JsonObject> chats) {
    List<String> order = List.of("urgent", "high", "normal", "low");
    return chats.stream().map(c -> order.indexOf(c.getString("priority"))).toList();
  }
}
