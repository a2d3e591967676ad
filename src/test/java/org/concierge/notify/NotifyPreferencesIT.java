package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.NotifyEmailsIT.accept;
import static org.concierge.notify.NotifyEmailsIT.close;
import static org.concierge.notify.NotifyEmailsIT.start;

import jakarta.json.JsonObject;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** People turn email off, and Concierge stops writing to them, until they turn it on again. */
@ExtendWith(ServerExtension.class)
class NotifyPreferencesIT {

  @Test
  void aTravelerWhoTurnedEmailOffGetsNone(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    assertThat(traveler.client().get("/api/me/notifications").json())
        .isEqualTo(Json.of("email", true, "sms", true, "push", true));

    Reply off =
        traveler.client().put("/api/me/notifications", Json.of("email", false, "sms", true));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.json()).isEqualTo(Json.of("email", false, "sms", true, "push", true));
    assertThat(traveler.client().get("/api/me/notifications").json()).isEqualTo(off.json());

    JsonObject quiet = start(traveler, "Quiet please");
    assertThat(Outboxes.entries(desk, traveler.email())).isEmpty();
    close(traveler, quiet);

    traveler.client().put("/api/me/notifications", Json.of("email", true, "sms", false));
    JsonObject loud = start(traveler, "Loud again");
    mail.awaitSubject(traveler.email(), "We have your message: Loud again");
    assertThat(mail.to(traveler.email())).hasSize(1);
    close(traveler, loud);
  }

  @Test
  void anAgentWhoTurnedEmailOffIsNotToldOfNewChats(Desk desk) {
    Session agent = desk.newAgent();
    Reply off = agent.client().put("/api/me/notifications", Json.of("email", false, "sms", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);

    JsonObject chat = start(desk.newTraveler(), "Agent is busy");
    accept(agent, chat);

    assertThat(Outboxes.entries(desk, agent.email())).isEmpty();
  }

  @Test
  void refusesHalfAnswersAndStrangers(Desk desk) {
    Session traveler = desk.newTraveler();
    Reply half = traveler.client().put("/api/me/notifications", Json.of("email", false));
    assertThat(half.status()).isEqualTo(400);
    assertThat(half.json().toString()).contains("sms");
    assertThat(traveler.client().get("/api/me/notifications").json().getBoolean("email")).isTrue();
    assertThat(
            desk.anonymous()
                .put("/api/me/notifications", Json.of("email", false, "sms", false))
                .status())
        .isEqualTo(401);
  }

  @Test
  void documentsTheAdditionsInOpenApi(Desk desk) {
    JsonObject paths = desk.anonymous().get("/openapi?format=JSON").json().getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/me/notifications")).containsKeys("get", "put");
    assertThat(paths.getJsonObject("/api/survey")).containsKey("post");
  }
}
