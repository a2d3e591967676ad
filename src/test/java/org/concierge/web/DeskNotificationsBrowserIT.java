package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.concierge.testing.Chromium;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.DesktopChromium;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Desktop notifications of the dashboard, in a Chromium whose tabs really hide one another: what
 * the page shows is observed through a spy on the browser's {@code Notification} API, installed
 * before the page's own scripts run.
 */
@ExtendWith(ServerExtension.class)
class DeskNotificationsBrowserIT {

  /** Records every notification shown and every request for permission, then lets them through. */
  private static final String NOTIFICATION_SPY =
      """
      (() => {
        const Real = window.Notification;
        if (!Real) {
          return;
        }
        window.shownNotifications = [];
        window.permissionRequests = 0;
        class Spy extends Real {
          constructor(title, options = {}) {
            super(title, options);
            window.shownNotifications.push({ title, body: options.body, tag: options.tag, shown: this });
          }
          static get permission() {
            return Real.permission;
          }
          static requestPermission(...args) {
            window.permissionRequests += 1;
            return Real.requestPermission(...args);
          }
        }
        window.Notification = Spy;
      })();
      """;

  private DesktopChromium chromium;

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aHiddenDashboardNotifiesOfNewChatsAndMessagesAndAVisibleOneDoesNot(
      ConciergeServer server, Desk desk) {
    BrowserContext browser = desktop(server);
    browser.grantPermissions(
        List.of("notifications"),
        new BrowserContext.GrantPermissionsOptions().setOrigin(server.baseUri().toString()));
    Session agent = desk.newAgent();
    Page dashboard = StaffBrowser.dashboard(chromium.newTab(), server, agent);
    assertThat(dashboard.locator("#notify")).hasAttribute("data-state", "on");

    Session ann = desk.newTraveler();
    String visa = ann.startChat("subject", "Visa", "message", "Do I need one?");
    Session ben = desk.newTraveler();
    String hotel = ben.startChat("subject", "Hotel", "message", "Late check-in?");
    accept(dashboard, visa);
    accept(dashboard, hotel);
    assertThat(shown(dashboard)).isZero();

    chromium.newTab();
    assertThat(dashboard.evaluate("document.visibilityState")).isEqualTo("hidden");

    Session cleo = desk.newTraveler();
    String luggage = cleo.startChat("subject", "Lost luggage", "priority", "urgent");
    JsonObject newChat = awaitShown(dashboard, 1);
    assertThat(newChat.get("title").getAsString()).isEqualTo("Urgent chat: Lost luggage");
    assertThat(newChat.get("body").getAsString()).isEqualTo(cleo.name() + " is waiting");
    assertThat(newChat.get("tag").getAsString()).isEqualTo("chat-" + luggage);

    ann.say(visa, "It is for   Brazil,\nnext week");
    JsonObject message = awaitShown(dashboard, 2);
    assertThat(message.get("title").getAsString()).isEqualTo(ann.name() + " wrote");
    assertThat(message.get("body").getAsString()).isEqualTo("It is for Brazil, next week");
    assertThat(message.get("tag").getAsString()).isEqualTo("chat-" + visa);

    dashboard.evaluate(
        "tag => window.shownNotifications.find(n => n.tag === tag).shown"
            + ".dispatchEvent(new Event('click'))",
        "chat-" + visa);
    dashboard.bringToFront();
    assertThat(dashboard.evaluate("document.visibilityState")).isEqualTo("visible");
    assertThat(dashboard.locator(".pane[data-room='" + visa + "']")).isVisible();
    assertThat(dashboard.locator(".pane[data-room='" + hotel + "']")).isHidden();

    String seats = desk.newTraveler().startChat("subject", "Seats");
    assertThat(dashboard.locator("#queue [data-room='" + seats + "']")).isVisible();
    assertThat(shown(dashboard)).isEqualTo(2);
    assertThat(chromium.errors()).isEmpty();
  }

  @Test
  void theControlAsksForPermissionOnlyWhenClickedAndShowsARefusal(
      ConciergeServer server, Desk desk) {
    desktop(server);
    Session agent = desk.newAgent();
    Page dashboard = StaffBrowser.dashboard(chromium.newTab(), server, agent);
    Locator control = dashboard.locator("#notify");
    Locator toggle = dashboard.locator("#notifyToggle");
    assertThat(toggle).hasText("Turn on desktop notifications");
    assertThat(dashboard.evaluate("window.permissionRequests")).isEqualTo(0);

    toggle.click();
    dashboard.waitForFunction("window.permissionRequests === 1");

    JsonObject denied = new JsonObject();
    JsonObject notifications = new JsonObject();
    notifications.addProperty("name", "notifications");
    denied.add("permission", notifications);
    denied.addProperty("setting", "denied");
    denied.addProperty("origin", server.baseUri().toString());
    chromium.browser().newBrowserCDPSession().send("Browser.setPermission", denied);
    dashboard.reload();
    assertThat(dashboard.locator("#connection")).hasText("Live");
    assertThat(control).hasAttribute("data-state", "denied");
    assertThat(dashboard.locator("#notifyState"))
        .hasText("Desktop notifications are blocked in this browser’s settings");
    assertThat(toggle).isHidden();
    assertThat(dashboard.evaluate("window.permissionRequests")).isEqualTo(0);
    assertThat(chromium.errors()).isEmpty();
  }

  @Test
  void theServiceWorkerRegistersAndAMissingPushServiceIsToldPlainly(
      ConciergeServer server, Desk desk) {
    Reply script = desk.anonymous().get("/desk/sw.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).contains("javascript");
    assertThat(script.body()).contains("notificationclick");

    BrowserContext browser = desktop(server);
    browser.grantPermissions(
        List.of("notifications"),
        new BrowserContext.GrantPermissionsOptions().setOrigin(server.baseUri().toString()));
    Session agent = desk.newAgent();
    Page dashboard = StaffBrowser.dashboard(chromium.newTab(), server, agent);

    Object scope =
        dashboard.evaluate("navigator.serviceWorker.ready.then(r => r.active && r.scope)");
    assertThat(scope).isEqualTo(server.baseUri() + "/desk/");
    // This machine reaches no browser vendor's push service: the subscription cannot be made.
    assertThat(dashboard.locator("#notifyState"))
        .hasText(
            "Desktop notifications on while this tab is open; alerts while it is closed are not"
                + " available in this browser",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(40_000));
    assertThat(agent.client().get("/api/me/push-subscriptions").items()).isEmpty();

    dashboard.locator("#notifyToggle").click();
    assertThat(dashboard.locator("#notify")).hasAttribute("data-state", "off");
    chromium.newTab();
    assertThat(dashboard.evaluate("document.visibilityState")).isEqualTo("hidden");
    String waiting = desk.newTraveler().startChat("subject", "Quiet please");
    dashboard.bringToFront();
    assertThat(dashboard.locator("#queue [data-room='" + waiting + "']")).isVisible();
    assertThat(shown(dashboard)).isZero();
    assertThat(dashboard.evaluate("window.permissionRequests")).isEqualTo(0);
    assertThat(chromium.errors()).isEmpty();
  }

  @Test
  void thePushesLinkOpensTheDashboardAtItsChat(
      ConciergeServer server, Chromium browser, Desk desk) {
    Session agent = desk.newAgent();
    Session traveler = desk.newTraveler();
    String mine = traveler.startChat("subject", "Ferry times", "message", "When is the last one?");
    agent.accept(mine);
    String waiting = desk.newTraveler().startChat("subject", "Car hire", "priority", "urgent");
    Page page = StaffBrowser.signIn(browser.newPerson(), agent);

    page.navigate("/desk/?chat=" + mine);
    assertThat(page.locator(".pane[data-room='" + mine + "'] .pane-subject"))
        .hasText("Ferry times");
    assertThat(page).hasURL(server.baseUri() + "/desk/");

    page.navigate("/desk/?chat=" + waiting);
    Locator queued = page.locator("#queue [data-room='" + waiting + "']");
    assertThat(queued).hasClass(java.util.regex.Pattern.compile("flash"));
    assertThat(queued.getByRole(AriaRole.BUTTON)).isFocused();
    assertThat(Chromium.errors(page)).isEmpty();
  }

  private BrowserContext desktop(ConciergeServer server) {
    chromium =
        new DesktopChromium(Path.of("target", "desktop-chromium", UUID.randomUUID().toString()));
    BrowserContext browser = chromium.context();
    browser.addInitScript(NOTIFICATION_SPY);
    return browser;
  }

  private static void accept(Page dashboard, String room) {
    dashboard.locator("#queue [data-room='" + room + "']").getByRole(AriaRole.BUTTON).click();
    assertThat(dashboard.locator(".pane[data-room='" + room + "']")).isVisible();
  }

  private static int shown(Page page) {
    return ((Number) page.evaluate("window.shownNotifications.length")).intValue();
  }

  /**
   * Waits until the page has shown {@code count} notifications and answers the last. A hidden tab
   * draws no frames, so the condition is polled on a timer.
   */
  private static JsonObject awaitShown(Page page, int count) {
    page.waitForFunction(
        "n => window.shownNotifications.length >= n",
        count,
        new Page.WaitForFunctionOptions().setPollingInterval(100));
    Object last =
        page.evaluate(
            "n => { const s = window.shownNotifications[n - 1];"
                + " return JSON.stringify({ title: s.title, body: s.body, tag: s.tag }); }",
            count);
    return com.google.gson.JsonParser.parseString((String) last).getAsJsonObject();
  }
}
