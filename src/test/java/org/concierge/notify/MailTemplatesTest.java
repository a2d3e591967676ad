package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concierge.notify.EmailComposer.TranscriptLine;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  private static Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("company", "Northwind <Travel> & Co");
    model.put("homeLink", "https://travel.example/");
    model.put("subject", "Your chat");
    model.put("chatSubject", "Lost <b>bag</b>");
    model.put("travelerName", "Ann \"<script>alert(1)</script>\"");
    model.put("agentName", "Bo & Co");
    model.put("chatLink", "https://travel.example/chat/?concierge-chat=r1");
    model.put("deskLink", "https://travel.example/desk/?chat=r1");
    model.put("priority", "high");
    return model;
  }

  @Test
  void escapesNamesAndSubjectsInTheHtmlButNotInTheText() {
    MailTemplates.Bodies bodies = templates.render(NotificationKind.CHAT_STARTED, model());

    assertThat(bodies.html())
        .contains("Ann &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
        .contains("Lost &lt;b&gt;bag&lt;/b&gt;")
        .contains("Northwind &lt;Travel&gt; &amp; Co")
        .contains("href=\"https://travel.example/chat/?concierge-chat=r1\"")
        .doesNotContain("<script>");
    assertThat(bodies.text())
        .contains("Hello Ann \"<script>alert(1)</script>\",")
        .contains("\"Lost <b>bag</b>\"")
        .contains("Back to your chat: https://travel.example/chat/?concierge-chat=r1")
        .startsWith("Northwind <Travel> & Co");
  }

  @Test
  void escapesTheMessagesOfATranscript() {
    Map<String, Object> model = model();
    model.put(
        "transcript",
        List.of(
            new TranscriptLine(
                "2026-01-02 10:00 UTC", "Ann", "<img src=x onerror=alert(1)>", false),
            new TranscriptLine("2026-01-02 10:01 UTC", "Concierge", "Bo joined the chat.", true)));
    model.put("surveyLink", "https://travel.example/survey.html#t");

    MailTemplates.Bodies bodies = templates.render(NotificationKind.CHAT_CLOSED, model);

    assertThat(bodies.html())
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<img")
        .contains("href=\"https://travel.example/survey.html#t\"");
    assertThat(bodies.text())
        .contains("[2026-01-02 10:00 UTC] Ann: <img src=x onerror=alert(1)>")
        .contains("[2026-01-02 10:01 UTC] Concierge: Bo joined the chat.")
        .contains("Rate this chat: https://travel.example/survey.html#t");
  }

  @Test
  void tellsAnAgentWhoHandedThemTheChatAndWhy() {
    Map<String, Object> model = model();
    model.put("transferredBy", "Cy <admin>");
    model.put("note", "Knows <refunds>");

    MailTemplates.Bodies bodies = templates.render(NotificationKind.CHAT_ASSIGNED_TO_AGENT, model);

    assertThat(bodies.html())
        .contains("Cy &lt;admin&gt; handed you the chat")
        .contains("Note: Knows &lt;refunds&gt;")
        .contains("href=\"https://travel.example/desk/?chat=r1\"");
    assertThat(bodies.text())
        .contains("Cy <admin> handed you the chat")
        .contains("Open the dashboard");
  }

  @Test
  void rendersEveryKind() {
    Map<String, Object> model = model();
    model.put("transferredBy", "");
    model.put("note", "");
    model.put("reason", "Angry");
    model.put("messageText", "Your <refund> is on its way");
    model.put("transcript", List.of());
    model.put("surveyLink", "https://travel.example/survey.html#t");
    model.put("name", "Ada");
    model.put("text", "Our office is closed <tomorrow>");
    for (NotificationKind kind : NotificationKind.values()) {
      if (!kind.travelsBy(Channel.EMAIL)) {
        continue;
      }
      MailTemplates.Bodies bodies = templates.render(kind, model);
      assertThat(bodies.html()).as(kind.name()).contains("<!DOCTYPE html>").contains("Northwind");
      assertThat(bodies.text()).as(kind.name()).contains("https://travel.example/");
    }
  }
}
