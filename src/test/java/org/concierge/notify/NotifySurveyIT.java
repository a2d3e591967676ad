package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concierge.notify.NotifyEmailsIT.accept;
import static org.concierge.notify.NotifyEmailsIT.linkIn;
import static org.concierge.notify.NotifyEmailsIT.start;

import jakarta.json.JsonObject;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The survey link of a closed chat's email rates that chat, once, and nothing else. */
@ExtendWith(ServerExtension.class)
class NotifySurveyIT {

  @Test
  void recordsTheTravelersRatingOnce(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    JsonObject chat = closedChat(desk, traveler, "Visa question");
    String token = surveyToken(mail, traveler, "Visa question");

    Reply answered =
        desk.anonymous()
            .post("/api/survey", Json.of("token", token, "score", 4, "comment", "Quick & kind"));
    assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    assertThat(answered.json().getInt("score")).isEqualTo(4);

    JsonObject rated = traveler.client().get("/api/chat/" + chat.getString("id")).json();
    assertThat(rated.getJsonObject("rating").getInt("score")).isEqualTo(4);
    assertThat(rated.getJsonObject("rating").getString("comment")).isEqualTo("Quick & kind");

    Reply again = desk.anonymous().post("/api/survey", Json.of("token", token, "score", 1));
    assertThat(again.status()).isEqualTo(409);
    JsonObject still = traveler.client().get("/api/chat/" + chat.getString("id")).json();
    assertThat(still.getJsonObject("rating").getInt("score")).isEqualTo(4);
  }

  @Test
  void refusesForgedTokensAndBadScores(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    closedChat(desk, traveler, "Train tickets");
    String token = surveyToken(mail, traveler, "Train tickets");

    assertThat(answer(desk, token.substring(0, token.length() - 4) + "AAAA", 5).status())
        .isEqualTo(401);
    assertThat(answer(desk, traveler.token(), 5).status()).isEqualTo(401);
    assertThat(answer(desk, token, 0).status()).isEqualTo(400);
    assertThat(answer(desk, token, 6).status()).isEqualTo(400);
    assertThat(desk.anonymous().withToken(token).get("/api/auth/me").status()).isEqualTo(401);
  }

  private static Reply answer(Desk desk, String token, int score) {
    return desk.anonymous().post("/api/survey", Json.of("token", token, "score", score));
  }

  private static JsonObject closedChat(Desk desk, Session traveler, String subject) {
    JsonObject chat = start(traveler, subject);
    accept(desk.newAgent(), chat);
    Reply closed = traveler.client().post("/api/chat/" + chat.getString("id") + "/close");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    return chat;
  }

  private static String surveyToken(MailServer mail, Session traveler, String subject) {
    String link =
        linkIn(
            mail.awaitSubject(
                    traveler.email(),
                    "Your chat with " + ConciergeServer.COMPANY_NAME + ": " + subject)
                .text(),
            "/survey.html#");
    return link.substring(link.indexOf('#') + 1);
  }
}
