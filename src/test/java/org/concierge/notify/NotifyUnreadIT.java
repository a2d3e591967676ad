package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.NotifyEmailsIT.accept;
import static org.concierge.notify.NotifyEmailsIT.linkIn;
import static org.concierge.notify.NotifyEmailsIT.post;
import static org.concierge.notify.NotifyEmailsIT.start;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.MailServer.Received;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A traveler who leaves an agent's message unread gets one email about it per unread stretch (the
 * tests' server waits 3 seconds, {@code CONCIERGE_UNREAD_ALERT_MINUTES=0.05}).
 */
@ExtendWith(ServerExtension.class)
class NotifyUnreadIT {

  @Test
  void alertsOncePerUnreadStretch(Desk desk, MailServer mail, ConciergeServer server) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = start(traveler, "Ferry times");
    accept(agent, chat);
    String subject = agent.name() + " wrote to you";

    post(agent, chat, "The ferry leaves at <8:15>.");
    post(agent, chat, "And returns at 18:00.");
    Received first = mail.awaitSubject(traveler.email(), subject);
    assertThat(first.text()).contains("The ferry leaves at <8:15>.").contains("Ferry times");
    assertThat(first.html()).contains("The ferry leaves at &lt;8:15&gt;.");
    assertThat(linkIn(first.text(), "/chat/"))
        .endsWith("/chat/?concierge-chat=" + chat.getString("id"));
    Outboxes.awaitStates(desk, traveler.email(), subject, List.of("sent"));

    readEverything(server, desk, traveler, chat);
    post(agent, chat, "Anything else?");
    Received second =
        mail.await(
            traveler.email(),
            m -> m.subject().equals(subject) && m.text().contains("Anything else?"));
    assertThat(second.text()).doesNotContain("18:00");
    Outboxes.awaitStates(desk, traveler.email(), subject, List.of("sent", "sent"));
    assertThat(mail.to(traveler.email()).stream().filter(m -> m.subject().equals(subject)))
        .hasSize(2);
  }

  @Test
  void sendsNothingWhenTheTravelerReadsInTime(Desk desk, ConciergeServer server) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = start(traveler, "Car hire");
    accept(agent, chat);

    post(agent, chat, "Which dates?");
    readEverything(server, desk, traveler, chat);

    Outboxes.awaitStates(
        desk, traveler.email(), agent.name() + " wrote to you", List.of("skipped"));
  }

  /** The traveler's widget marks the chat read up to its last message, and the store has it. */
  private static void readEverything(
      ConciergeServer server, Desk desk, Session traveler, JsonObject chat) {
    String room = chat.getString("id");
    long last =
        traveler.client().get("/api/chat/" + room).json().getJsonNumber("lastSeq").longValue();
    try (SocketClient socket = SocketClient.signedIn(server, traveler)) {
      socket.send(Json.of("type", "read", "roomId", room, "seq", last));
      Outboxes.await(
          () -> readUpTo(traveler, room) >= last, "the read marker of " + traveler.email());
    }
  }

  private static long readUpTo(Session traveler, String room) {
    JsonNumber read =
        traveler
            .client()
            .get("/api/chat/" + room)
            .json()
            .getJsonObject("readMarkers")
            .getJsonNumber(traveler.id());
    return read == null ? 0 : read.longValue();
  }
}
