package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.MailServer;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An admin writes to every admin from the broadcasts page and watches it go out. */
@ExtendWith(ServerExtension.class)
class BroadcastsBrowserIT {

  @Test
  void anAdminCountsTheAudienceSendsAndSeesTheProgress(
      Chromium chromium, Desk desk, MailServer mail) {
    Session admin = desk.newAdmin();
    Reply counted =
        admin
            .client()
            .post(
                "/api/admin/broadcasts/preview", Json.of("channel", "email", "audience", "admins"));
    Assertions.assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
    int admins = counted.json().getInt("recipients");

    Page page = StaffBrowser.signIn(chromium.newPerson(1280, 1000), admin);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Broadcasts")).click();
    assertThat(page.locator("h1")).hasText("Broadcasts");
    choose(page, "#broadcastForm\\:audience", "All admins");
    assertThat(page.locator("#broadcastForm\\:from")).hasCount(0);

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    confirm(page);
    assertThat(page.locator("#broadcastForm .ui-message-error")).not().hasCount(0);
    assertThat(page.locator("#broadcastForm")).containsText("Subject is required.");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Count recipients"))
        .click();
    assertThat(page.locator(".recipient-count")).hasText(admins + " people will get it.");

    String subject = "Desk meeting " + System.nanoTime();
    field(page, "Subject").fill(subject);
    field(page, "Message").fill("Friday at <10>, room 2.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    confirm(page);
    assertThat(page.locator(".ui-growl"))
        .containsText("Queued for " + admins + " people; it goes out at the configured rate.");
    Locator row =
        page.locator(".broadcasts-table tr", new Page.LocatorOptions().setHasText(subject));
    assertThat(row).containsText("All admins");
    assertThat(row.locator(".col-number")).hasText(String.valueOf(admins));
    assertThat(field(page, "Subject")).isEmpty();

    mail.awaitSubject(admin.email(), subject);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
    assertThat(row.locator(".progress-sent")).not().hasText("0 sent");
    // The confirmation fades after its six seconds, leaving the table in view for the picture.
    assertThat(page.locator(".ui-growl-item"))
        .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
    Chromium.screenshot(page, "admin-broadcasts");
    Assertions.assertThat(Chromium.errors(page)).isEmpty();
  }

  private static void choose(Page page, String menu, String label) {
    page.locator(menu).click();
    page.locator(".ui-selectonemenu-items li", new Page.LocatorOptions().setHasText(label))
        .first()
        .click();
    assertThat(page.locator(".ui-selectonemenu-panel:visible")).hasCount(0);
  }

  private static Locator field(Page page, String label) {
    return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label));
  }

  private static void confirm(Page page) {
    page.locator(".admin-confirm .ui-confirmdialog-yes").click();
  }
}
