package org.concierge.notify;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.concierge.notify.SmsStaff.newPhone;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.concierge.testing.Chromium;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioWebhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin sees on the outbox page which texts reached their phones and which did not. */
@ExtendWith(ServerExtension.class)
class SmsOutboxBrowserIT {

  @Test
  void theOutboxShowsDeliveredAndUndeliveredTexts(
      Chromium chromium, Desk desk, ConciergeServer server, TwilioStandIn twilio) {
    String reached = newPhone();
    String unreachable = newPhone();
    Session first = SmsStaff.agent(desk, reached, "away");
    Session second = SmsStaff.agent(desk, unreachable, "away");
    report(server, sidOfTextTo(desk, twilio, first, reached), "delivered", null);
    report(server, sidOfTextTo(desk, twilio, second, unreachable), "undelivered", "30003");
    Page page = StaffBrowser.signIn(chromium.newPerson(), desk.newAdmin());
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox")).click();

    show(page, "delivered");
    Locator delivered = row(page, reached);
    assertThat(delivered.locator(".pill.outbox-state")).hasText("delivered");
    assertThat(delivered).containsText("Text: critical assignment");
    assertThat(delivered.locator(".when")).containsText("sent ");
    assertThat(delivered.locator(".reason")).isEmpty();

    show(page, "undelivered");
    Locator undelivered = row(page, unreachable);
    assertThat(undelivered.locator(".pill.outbox-state")).hasText("undelivered");
    assertThat(undelivered.locator(".reason")).containsText("error 30003");
    Chromium.screenshot(page, "admin-outbox-texts");
    undelivered.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
    assertThat(page.locator(".ui-growl"))
        .containsText("The text to " + unreachable + " will be sent again shortly.");
    twilio.awaitCount(unreachable, 2);
  }

  /** The SID of the text {@code agent} gets for accepting an urgent chat. */
  private static String sidOfTextTo(Desk desk, TwilioStandIn twilio, Session agent, String phone) {
    String room = desk.newTraveler().startChat("subject", "Outbox text", "priority", "urgent");
    agent.accept(room);
    String sid = twilio.await(phone, m -> m.body().contains(room)).sid();
    Outboxes.awaitEntries(
        desk,
        phone,
        entries -> entries.size() == 1 && sid.equals(entries.get(0).getString("reference", null)));
    return sid;
  }

  private static void report(ConciergeServer server, String sid, String status, String error) {
    Map<String, String> form =
        error == null
            ? Map.of("MessageSid", sid, "MessageStatus", status)
            : Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", error);
    Reply answered = new TwilioWebhooks(server).signed("/api/twilio/status", form);
    Assertions.assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
  }

  private static void show(Page page, String state) {
    page.locator(".state-filter").click();
    page.locator(
            ".ui-selectonemenu-items li",
            new Page.LocatorOptions()
                .setHasText(java.util.regex.Pattern.compile("^" + state + "$")))
        .first()
        .click();
    assertThat(page.locator(".ui-selectonemenu-panel")).isHidden();
    assertThat(page.locator(".outbox-table .pill.outbox-state").first()).hasText(state);
  }

  private static Locator row(Page page, String address) {
    return page.locator(".outbox-table tr", new Page.LocatorOptions().setHasText(address));
  }
}
