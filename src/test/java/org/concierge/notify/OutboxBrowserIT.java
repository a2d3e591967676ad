package org.concierge.notify;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.concierge.notify.NotifyEmailsIT.close;
import static org.concierge.notify.NotifyEmailsIT.start;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.MailServer;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin watches the outbox and sends a failed email again. */
@ExtendWith(ServerExtension.class)
class OutboxBrowserIT {

  @Test
  void anAdminSeesWhyAnEmailFailedAndSendsItAgain(Chromium chromium, Desk desk, MailServer mail) {
    Session traveler = desk.newTraveler();
    String subject = "We have your message: Browser outbox";
    Page page = outboxPage(chromium, desk.newAdmin());
    JsonObject chat;
    mail.stop();
    try {
      chat = start(traveler, "Browser outbox");
      Outboxes.awaitStates(desk, traveler.email(), subject, List.of("failed"));

      show(page, "failed");
      Locator row = row(page, traveler.email());
      assertThat(row.locator(".pill.outbox-state")).hasText("failed");
      assertThat(row).containsText(subject);
      assertThat(row.locator(".reason")).containsText("Connection refused");

      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
      assertThat(page.locator(".ui-growl"))
          .containsText("The email to " + traveler.email() + " will be sent again shortly.");
    } finally {
      mail.start();
    }

    mail.awaitSubject(traveler.email(), subject);
    Outboxes.awaitStates(desk, traveler.email(), subject, List.of("sent"));
    show(page, "sent");
    Locator sent = row(page, traveler.email());
    assertThat(sent.locator(".pill.outbox-state")).hasText("sent");
    assertThat(sent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")))
        .hasCount(0);
    Chromium.screenshot(page, "admin-outbox");
    assertThat(sent.locator(".reason")).isEmpty();
    Assertions.assertThat(mail.to(traveler.email())).hasSize(1);
    close(traveler, chat);
  }

  private static Page outboxPage(Chromium chromium, Session admin) {
    Page page = StaffBrowser.signIn(chromium.newPerson(), admin);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox")).click();
    assertThat(page.locator("h1")).hasText("Outbox");
    return page;
  }

  /** Chooses the state to show in the filter menu. */
  private static void show(Page page, String state) {
    page.locator(".state-filter").click();
    page.locator(".ui-selectonemenu-items li", new Page.LocatorOptions().setHasText(state))
        .first()
        .click();
    assertThat(page.locator(".ui-selectonemenu-panel")).isHidden();
    assertThat(page.locator(".outbox-table .pill.outbox-state").first()).hasText(state);
  }

  private static Locator row(Page page, String address) {
    return page.locator(".outbox-table tr", new Page.LocatorOptions().setHasText(address));
  }
}
