package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.concierge.testing.Chromium;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent dashboard in a real browser, with travelers played by API clients. */
@ExtendWith(ServerExtension.class)
class DashboardBrowserIT {

  @Test
  void aChatArrivesLiveIsAcceptedAndAnsweredWithTypingAndReadMarks(
      ConciergeServer server, Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = StaffBrowser.dashboard(chromium.newPerson(), agent);
    Session traveler = desk.newTraveler();

    String room = start(traveler, "Lost luggage in Lisbon", "high", "My bag did not arrive.");
    Locator waiting = queueItem(page, room);
    assertThat(waiting).containsText("Lost luggage in Lisbon");
    assertThat(waiting).containsText("High");
    assertThat(waiting.locator(".wait")).hasText(Pattern.compile("\\d+ s waiting"));
    assertThat(page).hasTitle(Pattern.compile("^\\(\\d+\\) Dashboard"));

    waiting.getByRole(AriaRole.BUTTON).click();
    Locator pane = pane(page, room);
    assertThat(pane.locator(".pane-subject")).hasText("Lost luggage in Lisbon");
    assertThat(pane.locator(".message.from-user .text")).hasText("My bag did not arrive.");
    assertThat(queueItem(page, room)).hasCount(0);
    assertThat(page.locator("#mine [data-room='" + room + "']")).isVisible();

    try (SocketClient travelerSocket = SocketClient.signedIn(server, traveler)) {
      travelerSocket.send(Json.of("type", "join", "roomId", room, "afterSeq", 0));
      travelerSocket.await("joined");

      travelerSocket.send(Json.of("type", "typing", "roomId", room, "typing", true));
      assertThat(pane.locator(".typing")).hasText(traveler.name() + " is typing…");
      travelerSocket.send(Json.of("type", "typing", "roomId", room, "typing", false));
      assertThat(pane.locator(".typing")).hasText("");

      pane.getByRole(AriaRole.TEXTBOX).fill("I am on it: which flight were you on?");
      pane.getByRole(AriaRole.TEXTBOX).press("Enter");
      JsonObject reply =
          travelerSocket.await(
              frame ->
                  "message".equals(frame.getString("type"))
                      && "agent"
                          .equals(
                              frame
                                  .getJsonObject("message")
                                  .getJsonObject("sender")
                                  .getString("role")),
              "the agent's reply");
      assertThat(reply.getJsonObject("message").getString("text"))
          .isEqualTo("I am on it: which flight were you on?");
      Locator own = pane.locator(".message.own");
      assertThat(own.locator(".mark")).hasText("Delivered");

      long seq = reply.getJsonObject("message").getJsonNumber("seq").longValue();
      travelerSocket.send(Json.of("type", "read", "roomId", room, "seq", seq));
      assertThat(own.locator(".mark")).hasText("Read");

      travelerSocket.send(
          Json.of(
              "type",
              "message",
              "roomId",
              room,
              "clientId",
              UUID.randomUUID().toString(),
              "text",
              "<img src=x onerror=alert(1)>"));
      assertThat(pane.locator(".message.from-user .text").last())
          .hasText("<img src=x onerror=alert(1)>");
      assertThat(pane.locator(".transcript img")).hasCount(0);
    }
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void anAgentWhoLosesTheRaceForAChatIsToldPlainly(Chromium chromium, Desk desk) {
    Session slow = desk.newAgent();
    Session quick = desk.newAgent();
    Page page = chromium.newPerson();
    // The slow agent's socket does not hear that the chat left the queue, as if the news were late.
    page.routeWebSocket(
        Pattern.compile(".*/ws/chat$"),
        socket -> {
          var server = socket.connectToServer();
          socket.onMessage(frame -> server.send(frame.text()));
          server.onMessage(
              frame -> {
                if (!frame.text().contains("\"removed\"")) {
                  socket.send(frame.text());
                }
              });
        });
    StaffBrowser.dashboard(page, slow);
    String room = start(desk.newTraveler(), "Seat upgrade", "normal", "Can I upgrade?");
    Locator waiting = queueItem(page, room);
    assertThat(waiting).isVisible();

    Reply won = quick.client().post("/api/chat/" + room + "/accept");
    assertThat(won.status()).isEqualTo(200);
    waiting.getByRole(AriaRole.BUTTON).click();

    assertThat(page.locator(".toast")).hasText("Another agent accepted this chat first.");
    assertThat(queueItem(page, room)).hasCount(0);
    assertThat(page.locator("#mine [data-room='" + room + "']")).hasCount(0);
  }

  @Test
  void aTransferGoesThroughTheDialogAndTheOtherAgentTakesOver(Chromium chromium, Desk desk) {
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    Page firstPage = StaffBrowser.dashboard(chromium.newPerson(), first);
    Page secondPage = StaffBrowser.dashboard(chromium.newPerson(), second);
    secondPage.locator("#statusForm").getByText("Online", new Locator.GetByTextOptions()).click();
    assertThat(firstPage.locator("#team [data-user='" + second.id() + "']"))
        .hasAttribute("data-status", "online");

    Session traveler = desk.newTraveler();
    String room = start(traveler, "Rail pass", "normal", "Which pass covers Italy?");
    queueItem(firstPage, room).getByRole(AriaRole.BUTTON).click();
    Locator pane = pane(firstPage, room);
    pane.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();

    Locator dialog = firstPage.locator("[id='transferForm:transferDialog']");
    assertThat(dialog).isVisible();
    Locator row = dialog.locator("tr", new Locator.LocatorOptions().setHasText(second.name()));
    assertThat(row).containsText("online");
    assertThat(row).containsText("0");
    row.click();
    dialog.getByLabel("Note for the next agent").fill("Knows rail passes best");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();

    assertThat(dialog).isHidden();
    assertThat(firstPage.locator("#mine [data-room='" + room + "']")).hasCount(0);
    assertThat(pane(firstPage, room)).hasCount(0);
    assertThat(secondPage.locator(".toast").first()).containsText("A chat was handed to you");
    secondPage.locator("#mine [data-room='" + room + "'] button").click();
    Locator taken = pane(secondPage, room);
    assertThat(taken.locator(".message.system").last())
        .containsText("Note: Knows rail passes best");
    taken.getByRole(AriaRole.TEXTBOX).fill("Hello, I can help with rail passes.");
    taken.getByRole(AriaRole.TEXTBOX).press("Enter");
    assertThat(taken.locator(".message.own .mark")).hasText("Delivered");
    assertThat(Chromium.errors(firstPage)).isEmpty();
    assertThat(Chromium.errors(secondPage)).isEmpty();
  }

  @Test
  void shortcutsAcceptTheNextChatSwitchChatsAndClose(Chromium chromium, Desk desk)
      throws Exception {
    closeEveryWaitingChat(desk);
    Session agent = desk.newAgent();
    Page page = StaffBrowser.dashboard(chromium.newPerson(), agent);
    Session lisbon = desk.newTraveler();
    Session rome = desk.newTraveler();
    Session oslo = desk.newTraveler();
    String low = start(lisbon, "Tram tickets", "low", "Where do I buy them?");
    String urgent = start(rome, "Missed connection", "urgent", "My train left without me!");
    String normal = start(oslo, "Hotel late check-in", "normal", "I land at 23:40.");
    assertThat(queueItem(page, low)).isVisible();
    assertThat(queueItem(page, normal)).isVisible();
    assertThat(page.locator("#queue .queue-item").first()).hasAttribute("data-room", urgent);

    // Alt+N takes the chat at the top of the queue: the most urgent, then the longest waiting.
    page.keyboard().press("Alt+n");
    assertThat(pane(page, urgent)).isVisible();
    page.keyboard().press("Alt+n");
    assertThat(pane(page, normal)).isVisible();
    page.keyboard().press("Alt+n");
    assertThat(pane(page, low)).isVisible();
    assertThat(page.locator("#tabs .tab")).hasCount(3);

    rome.say(urgent, "Are you there?");
    rome.say(urgent, "The next train is at 18:05.");
    Locator urgentEntry = page.locator("#mine [data-room='" + urgent + "']");
    assertThat(urgentEntry.locator(".unread")).hasText("2");
    oslo.say(normal, "Is the reception open?");
    assertThat(page.locator("#mine [data-room='" + normal + "'] .unread")).hasText("1");

    Path shot = Chromium.screenshot(page, "dashboard");
    assertThat(Files.size(shot)).isPositive();

    page.keyboard().press("Alt+ArrowDown");
    assertThat(pane(page, urgent)).isVisible();
    assertThat(urgentEntry.locator(".unread")).hasCount(0);

    page.keyboard().press("Alt+c");
    pane(page, urgent)
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close chat"))
        .last()
        .click();
    assertThat(pane(page, urgent).locator(".closed-note")).hasText("This chat is closed.");
    assertThat(urgentEntry).hasCount(0);
    JsonObject closed = rome.client().get("/api/chat/" + urgent).json();
    assertThat(closed.getString("status")).isEqualTo("closed");
    assertThat(closed.getJsonObject("closedBy").getString("role")).isEqualTo("agent");
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void priorityAndEscalationChangeTheChatForEveryone(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = StaffBrowser.dashboard(chromium.newPerson(), agent);
    Session traveler = desk.newTraveler();
    String room = start(traveler, "Visa for Japan", "low", "Do I need a visa?");
    queueItem(page, room).getByRole(AriaRole.BUTTON).click();
    Locator pane = pane(page, room);

    pane.getByLabel("Priority").selectOption("high");
    assertThat(pane.locator(".pane-meta")).containsText("High");
    pane.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalate")).click();
    assertThat(pane.locator(".pane-meta")).containsText("Urgent · Escalated");
    assertThat(pane.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Escalated")))
        .isDisabled();

    JsonObject chat = traveler.client().get("/api/chat/" + room).json();
    assertThat(chat.getString("priority")).isEqualTo("urgent");
    assertThat(chat.getBoolean("escalated")).isTrue();
    List<String> system = pane.locator(".message.system .text").allTextContents().stream().toList();
    assertThat(system).anyMatch(text -> text.contains("escalated"));
  }

  private static String start(Session traveler, String subject, String priority, String text) {
    return traveler.startChat("subject", subject, "priority", priority, "message", text);
  }

  /** Other tests' chats left waiting would come first in the queue: they are closed. */
  private static void closeEveryWaitingChat(Desk desk) {
    Session admin = desk.admin();
    List<JsonObject> waiting;
    do {
      waiting =
          admin
              .client()
              .get("/api/chat/agent/unassigned?limit=100")
              .items()
              .getValuesAs(JsonObject.class);
      for (JsonObject chat : waiting) {
        Reply closed =
            admin.client().post("/api/chat/" + chat.getString("id") + "/close", Json.of());
        assertThat(closed.status()).as(closed.toString()).isIn(200, 409);
      }
    } while (!waiting.isEmpty());
  }

  private static Locator queueItem(Page page, String room) {
    return page.locator("#queue [data-room='" + room + "']");
  }

  private static Locator pane(Page page, String room) {
    return page.locator(".pane[data-room='" + room + "']");
  }
}
