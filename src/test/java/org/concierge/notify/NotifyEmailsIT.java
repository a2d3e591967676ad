package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.MailServer.Received;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The emails a chat's life sends, as their recipients get them. */
@ExtendWith(ServerExtension.class)
class NotifyEmailsIT {

  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @Test
  void tellsTheTravelerTheirChatIsQueuedWithALinkBack(
      Desk desk, MailServer mail, ConciergeServer server) {
    Session traveler = desk.newTraveler();
    JsonObject chat = start(traveler, "Seat <change> & more");

    Received email =
        mail.awaitSubject(traveler.email(), "We have your message: Seat <change> & more");

    assertThat(email.from())
        .contains(ConciergeServer.MAIL_FROM)
        .contains(ConciergeServer.COMPANY_NAME);
    assertThat(email.contentType()).startsWith("multipart/alternative");
    String link = server.baseUri() + "/chat/?concierge-chat=" + chat.getString("id");
    assertThat(email.text()).contains("Hello " + traveler.name()).contains(link);
    assertThat(email.html())
        .contains("Seat &lt;change&gt; &amp; more")
        .contains("href=\"" + link + "\"")
        .contains(ConciergeServer.COMPANY_NAME);
    assertOpens(link);
    close(traveler, chat);
  }

  @Test
  void tellsTheTravelerAndTheAgentWhenTheChatIsAssigned(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = start(traveler, "Lost luggage");
    accept(agent, chat);

    Received toTraveler =
        mail.awaitSubject(traveler.email(), agent.name() + " is looking after your chat");
    assertThat(toTraveler.text()).contains(agent.name()).contains("Lost luggage");
    assertThat(toTraveler.html()).contains(agent.name());

    Received toAgent = mail.awaitSubject(agent.email(), "New chat for you: Lost luggage");
    String deskLink = linkIn(toAgent.text(), "/desk/");
    assertThat(deskLink).endsWith("/desk/?chat=" + chat.getString("id"));
    assertThat(toAgent.html()).contains("href=\"" + deskLink + "\"").contains(traveler.name());
    assertOpens(deskLink);
  }

  @Test
  void tellsTheNewAgentOfATransferWithItsNote(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    JsonObject chat = start(traveler, "Refund");
    accept(first, chat);
    Reply moved =
        first
            .client()
            .post(
                "/api/chat/" + chat.getString("id") + "/transfer",
                Json.of("agentId", second.id(), "note", "Knows <the> refund rules"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

    Received email = mail.awaitSubject(second.email(), "Chat transferred to you: Refund");
    assertThat(email.text())
        .contains(first.name() + " handed you the chat")
        .contains("Note: Knows <the> refund rules")
        .contains("/desk/?chat=" + chat.getString("id"));
    assertThat(email.html()).contains("Knows &lt;the&gt; refund rules");
  }

  @Test
  void tellsEveryAdminOfAnEscalation(Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    Session admin = desk.newAdmin();
    JsonObject chat = start(traveler, "Missed flight");
    accept(agent, chat);
    Reply escalated =
        agent
            .client()
            .post(
                "/api/chat/" + chat.getString("id") + "/escalate",
                Json.of("reason", "Needs a supervisor"));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);

    for (String address : new String[] {admin.email(), ConciergeServer.ADMIN_EMAIL}) {
      Received email = mail.awaitSubject(address, "Escalated: Missed flight");
      assertThat(email.text())
          .contains(agent.name() + " escalated the chat with " + traveler.name())
          .contains("Reason: Needs a supervisor")
          .contains("/desk/?chat=" + chat.getString("id"));
    }
  }

  @Test
  void sendsTheTravelerTheTranscriptAndASurveyLinkWhenTheChatCloses(
      Desk desk, MailServer mail, ConciergeServer server) {
    Session traveler = desk.newTraveler();
    Session agent = desk.newAgent();
    JsonObject chat = start(traveler, "Hotel booking");
    accept(agent, chat);
    post(traveler, chat, "Is breakfast <included>?");
    post(agent, chat, "Yes, from 7 to 10.");
    Reply closed = agent.client().post("/api/chat/" + chat.getString("id") + "/close");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

    Received email =
        mail.awaitSubject(
            traveler.email(), "Your chat with " + ConciergeServer.COMPANY_NAME + ": Hotel booking");
    assertThat(email.text())
        .contains(traveler.name() + ": Is breakfast <included>?")
        .contains(agent.name() + ": Yes, from 7 to 10.")
        .contains(agent.name() + " closed the chat.");
    assertThat(email.html())
        .contains("Is breakfast &lt;included&gt;?")
        .contains("Yes, from 7 to 10.");
    String survey = linkIn(email.text(), "/survey.html#");
    assertThat(survey).startsWith(server.baseUri() + "/survey.html#");
    assertThat(email.html()).contains("href=\"" + survey + "\"");
    assertOpens(survey);
  }

  static JsonObject start(Session traveler, String subject) {
    Reply reply = traveler.client().post("/api/chat/start", Json.of("subject", subject));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  static void accept(Session agent, JsonObject chat) {
    Reply reply = agent.client().post("/api/chat/" + chat.getString("id") + "/accept");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** Closes the chat, so that it leaves the queue other tests' agents see. */
  static void close(Session who, JsonObject chat) {
    Reply reply = who.client().post("/api/chat/" + chat.getString("id") + "/close");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  static void post(Session who, JsonObject chat, String text) {
    Reply reply =
        who.client()
            .post(
                "/api/chat/" + chat.getString("id") + "/messages",
                Json.of("clientId", java.util.UUID.randomUUID().toString(), "text", text));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  /** The first link in {@code text} whose address contains {@code part}. */
  static String linkIn(String text, String part) {
    Matcher links = Pattern.compile("https?://\\S+").matcher(text);
    while (links.find()) {
      if (links.group().contains(part)) {
        return links.group();
      }
    }
    throw new AssertionError("No link with " + part + " in:\n" + text);
  }

  /** A browser following the link gets a page. */
  static void assertOpens(String link) {
    try {
      HttpResponse<String> page =
          BROWSER.send(
              HttpRequest.newBuilder(URI.create(link)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(link).isEqualTo(200);
    } catch (IOException e) {
      throw new AssertionError(link, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(link, e);
    }
  }
}
