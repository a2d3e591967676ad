package org.concierge.notify.push;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.concierge.notify.NotificationKind;
import org.junit.jupiter.api.Test;

class PushTemplatesTest {

  private final PushTemplates templates = new PushTemplates();

  @Test
  void aTravelersWordsStayTextInsideTheJson() {
    Map<String, Object> model = model();
    model.put("travelerName", "Ann \"the\" <b>Traveler</b>");
    model.put("preview", PushComposer.preview("Line one\n\n  \"quoted\" \\ </script>\tend"));

    JsonObject payload = templates.render(NotificationKind.TRAVELER_WROTE, model);

    assertThat(payload.getString("title")).isEqualTo("Ann \"the\" <b>Traveler</b> wrote: Visa");
    assertThat(payload.getString("body")).isEqualTo("Line one \"quoted\" \\ </script> end");
    assertThat(payload.getString("url")).isEqualTo("https://desk.example/desk/?chat=r1");
    assertThat(payload.getString("tag")).isEqualTo("chat-r1");
  }

  @Test
  void anUrgentChatWithoutAMessageSaysOnlyWhoWaits() {
    Map<String, Object> model = model();
    model.put("preview", "");
    JsonObject payload = templates.render(NotificationKind.URGENT_CHAT_WAITING, model);
    assertThat(payload.getString("title")).isEqualTo("Urgent chat: Visa");
    assertThat(payload.getString("body")).isEqualTo("Ann is waiting");
  }

  @Test
  void aLongMessageIsCutOnACharacterBoundary() {
    String emoji = "\uD83D\uDE00";
    String preview = PushComposer.preview(emoji.repeat(200));
    assertThat(preview.codePointCount(0, preview.length())).isEqualTo(PushComposer.PREVIEW_LENGTH);
    assertThat(preview).endsWith(emoji + "…");
    assertThat(PushComposer.preview("  short  ")).isEqualTo("short");
  }

  private static Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", "r1");
    model.put("chatSubject", "Visa");
    model.put("travelerName", "Ann");
    model.put("deskLink", "https://desk.example/desk/?chat=r1");
    return model;
  }
}
