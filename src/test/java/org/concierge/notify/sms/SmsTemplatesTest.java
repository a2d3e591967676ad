package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.concierge.notify.Channel;
import org.concierge.notify.NotificationKind;
import org.junit.jupiter.api.Test;

/** The SMS templates as a phone shows them: plain text, one line, nothing escaped. */
class SmsTemplatesTest {

  private final SmsTemplates templates = new SmsTemplates();

  @Test
  void aPriorityAlertNamesThePriorityTheTravelerTheSubjectAndTheLink() {
    String text = templates.render(NotificationKind.CHAT_PRIORITY_ALERT, alert("Bags & <visa>"));

    assertThat(text)
        .isEqualTo(
            "Northwind: URGENT chat from Ann O'Neil: \"Bags & <visa>\". Open it:"
                + " https://desk.example/desk/?chat=r1");
  }

  @Test
  void aChatWithoutASubjectLeavesItOut() {
    String text = templates.render(NotificationKind.CHAT_PRIORITY_ALERT, alert(""));

    assertThat(text)
        .isEqualTo(
            "Northwind: URGENT chat from Ann O'Neil. Open it: https://desk.example/desk/?chat=r1");
  }

  @Test
  void aCriticalAssignmentSaysWhoHandedItOver() {
    Map<String, Object> model = alert("Ferry");
    model.put("transferredBy", "Mia");

    assertThat(templates.render(NotificationKind.CRITICAL_ASSIGNMENT, model))
        .isEqualTo(
            "Northwind: an URGENT chat is now yours, from Mia: Ann O'Neil, \"Ferry\". Open it:"
                + " https://desk.example/desk/?chat=r1");
    model.put("transferredBy", "");
    assertThat(templates.render(NotificationKind.CRITICAL_ASSIGNMENT, model))
        .startsWith("Northwind: an URGENT chat is now yours: Ann O'Neil");
  }

  @Test
  void aMissingFactIsAnErrorNotAGap() {
    Map<String, Object> model = alert("Ferry");
    model.remove("deskLink");

    assertThatThrownBy(() -> templates.render(NotificationKind.CHAT_PRIORITY_ALERT, model))
        .hasMessageContaining("deskLink");
  }

  @Test
  void rendersEveryKindThatTravelsByText() {
    Map<String, Object> model = alert("Ferry");
    model.put("transferredBy", "");
    for (NotificationKind kind : NotificationKind.values()) {
      if (kind.travelsBy(Channel.SMS)) {
        assertThat(templates.render(kind, model))
            .as(kind.name())
            .startsWith("Northwind: ")
            .contains("https://desk.example/desk/?chat=r1")
            .doesNotContain("\n");
      }
    }
  }

  private static Map<String, Object> alert(String subject) {
    Map<String, Object> model = new HashMap<>();
    model.put("company", "Northwind");
    model.put("alertPriority", "urgent");
    model.put("travelerName", "Ann O'Neil");
    model.put("chatSubject", subject);
    model.put("deskLink", "https://desk.example/desk/?chat=r1");
    return model;
  }
}
