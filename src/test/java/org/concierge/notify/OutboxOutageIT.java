package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.NotifyEmailsIT.accept;
import static org.concierge.notify.NotifyEmailsIT.start;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.MailServer;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail server goes down while chats go on: nothing is sent and nothing is lost; once it is
 * back, every email arrives, each exactly once.
 */
@ExtendWith(ServerExtension.class)
class OutboxOutageIT {

  @Test
  void deliversEveryEmailExactlyOnceAfterTheMailServerComesBack(Desk desk, MailServer mail) {
    Session agent = desk.newAgent();
    List<Session> travelers = new ArrayList<>();
    mail.stop();
    try {
      for (int i = 0; i < 3; i++) {
        Session traveler = desk.newTraveler();
        travelers.add(traveler);
        JsonObject chat = start(traveler, "Outage " + i);
        accept(agent, chat);
        Reply closed = traveler.client().post("/api/chat/" + chat.getString("id") + "/close");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
      }
      for (Session traveler : travelers) {
        List<JsonObject> waiting =
            Outboxes.awaitEntries(
                desk,
                traveler.email(),
                entries ->
                    entries.size() == 3
                        && entries.stream().allMatch(e -> e.getString("state").equals("failed")));
        for (JsonObject entry : waiting) {
          assertThat(entry.getInt("attempts")).isGreaterThanOrEqualTo(1);
          assertThat(entry.getString("lastError")).isNotBlank();
        }
      }
      assertThat(mail.received()).isEmpty();
    } finally {
      mail.start();
    }

    for (int i = 0; i < travelers.size(); i++) {
      Session traveler = travelers.get(i);
      Outboxes.awaitEntries(
          desk,
          traveler.email(),
          entries ->
              entries.size() == 3
                  && entries.stream().allMatch(e -> e.getString("state").equals("sent")));
      List<String> subjects =
          mail.to(traveler.email()).stream().map(MailServer.Received::subject).toList();
      assertThat(subjects)
          .containsExactlyInAnyOrder(
              "We have your message: Outage " + i,
              agent.name() + " is looking after your chat",
              "Your chat with " + ConciergeServer.COMPANY_NAME + ": Outage " + i);
    }
    Outboxes.awaitEntries(
        desk,
        agent.email(),
        entries ->
            entries.size() == 3
                && entries.stream().allMatch(e -> e.getString("state").equals("sent")));
    List<String> toAgent =
        mail.to(agent.email()).stream().map(MailServer.Received::subject).toList();
    assertThat(toAgent)
        .containsExactlyInAnyOrder(
            "New chat for you: Outage 0",
            "New chat for you: Outage 1",
            "New chat for you: Outage 2");
  }
}
