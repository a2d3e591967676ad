package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.concierge.testing.Chromium;
import org.concierge.testing.ConciergeServer;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.SocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The traveler widget in a real browser on the demo site, with agents played by REST and WebSocket
 * clients: a whole conversation by keyboard, text that stays text, network drops and reloads that
 * lose and double nothing, retries, past chats, a phone, and a traveler signed in by the host page.
 * Every test starts its own browser context, so its own visitor and chats.
 */
@ExtendWith(ServerExtension.class)
class WidgetBrowserIT {

  private final List<Page> people = new ArrayList<>();

  /** Each traveler's browser context goes when the test does: its socket too. */
  @AfterEach
  void leave() {
    people.forEach(page -> page.context().close());
  }

  @Test
  void aKeyboardOnlyTravelerChatsEndsTheChatAndRatesIt(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    Widget widget = Widget.onDemoSite(page);

    tabTo(page, widget.launcher());
    page.keyboard().press("Enter");
    assertThat(widget.panel()).isVisible();
    assertThat(widget.field("Your name")).isFocused();
    page.keyboard().press("Escape");
    assertThat(widget.panel()).isHidden();
    assertThat(widget.launcher()).isFocused();
    page.keyboard().press("Enter");
    assertThat(widget.field("Your name")).isFocused();

    page.keyboard().type("Ann Keyboard");
    page.keyboard().press("Tab");
    page.keyboard().type("ann@example.com");
    page.keyboard().press("Tab");
    page.keyboard().type("Lost luggage");
    page.keyboard().press("Tab");
    assertThat(widget.field("Priority")).isFocused();
    page.keyboard().press("h");
    assertThat(widget.field("Priority")).hasValue("high");
    page.keyboard().press("Tab");
    page.keyboard().type("My bag did not arrive in Lisbon.");
    page.keyboard().press("Tab");
    assertThat(widget.button("Start chat")).isFocused();
    Chromium.screenshot(page, "widget-form");
    page.keyboard().press("Enter");

    assertThat(widget.composer()).isFocused();
    assertThat(widget.stateOf("My bag did not arrive in Lisbon.")).hasText("Sent");
    String room = widget.chatId();
    JsonObject chat = ok(agent.client().get("/api/chat/" + room));
    assertThat(chat.getString("subject")).isEqualTo("Lost luggage");
    assertThat(chat.getString("priority")).isEqualTo("high");
    assertThat(chat.getJsonObject("traveler").getString("name")).isEqualTo("Ann Keyboard");

    ok(agent.client().post("/api/chat/" + room + "/accept"));
    assertThat(widget.subtitle()).hasText("You are talking to " + agent.name());
    agent.say(room, "Hello Ann, I am tracing your bag now.");
    Locator liveRegion = page.locator("concierge-widget [aria-live=polite][role=log]");
    assertThat(liveRegion.getByText("Hello Ann, I am tracing your bag now.")).isVisible();

    page.keyboard().type("Thank you!");
    page.keyboard().press("Shift+Enter");
    page.keyboard().type("Talk soon.");
    page.keyboard().press("Enter");
    assertThat(widget.stateOf("Thank you! Talk soon.")).hasText("Sent");
    assertThat(texts(transcript(agent, room))).contains("Thank you!\nTalk soon.");

    tabTo(page, widget.button("End chat").first());
    page.keyboard().press("Enter");
    Locator confirm = widget.panel().getByRole(AriaRole.GROUP);
    assertThat(confirm).containsText("End this chat?");
    assertThat(confirm.getByRole(AriaRole.BUTTON, exactName("End chat"))).isFocused();
    page.keyboard().press("Enter");

    Locator oneStar = widget.panel().getByRole(AriaRole.RADIO, exactName("1 star"));
    assertThat(oneStar).isFocused();
    for (int i = 0; i < 4; i++) {
      page.keyboard().press("ArrowRight");
    }
    assertThat(widget.panel().getByRole(AriaRole.RADIO, exactName("5 stars"))).isChecked();
    Chromium.screenshot(page, "widget-rating");
    page.keyboard().press("Tab");
    assertThat(widget.field("Anything you'd like to add?")).isFocused();
    page.keyboard().type("Found within the hour!");
    tabTo(page, widget.button("Send rating"));
    page.keyboard().press("Enter");

    assertThat(widget.panel().getByText("Thank you for your feedback!")).isVisible();
    assertThat(widget.button("Start a new chat")).isFocused();
    JsonObject rated = ok(desk.admin().client().get("/api/chat/" + room));
    assertThat(rated.getString("status")).isEqualTo("closed");
    assertThat(rated.getJsonObject("closedBy").getString("role")).isEqualTo("user");
    assertThat(rated.getJsonObject("rating").getInt("score")).isEqualTo(5);
    assertThat(rated.getJsonObject("rating").getString("comment"))
        .isEqualTo("Found within the hour!");
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void messageTextIsShownAsTextNeverAsMarkup(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    List<String> dialogs = new CopyOnWriteArrayList<>();
    page.onDialog(
        dialog -> {
          dialogs.add(dialog.message());
          dialog.dismiss();
        });
    Widget widget = Widget.onDemoSite(page);

    String room = widget.startChat("<b>Odd</b> subject", "<img src=x onerror=alert(1)>");
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    agent.say(room, "<script>alert(2)</script>");

    assertThat(widget.messageTexts())
        .hasText(new String[] {"<img src=x onerror=alert(1)>", "<script>alert(2)</script>"});
    assertThat(widget.log().locator("img")).hasCount(0);
    assertThat(widget.log().locator("script")).hasCount(0);
    assertThat(widget.log().locator("b")).hasCount(0);
    assertThat(dialogs).isEmpty();
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void aNetworkDropLosesNothingAndDoublesNothing(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    Widget widget = Widget.onDemoSite(page);
    String room = widget.startChat("Train strike", "Will my train to Porto run tomorrow?");
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    agent.say(room, "Let me check the timetable.");
    assertThat(widget.message("Let me check the timetable.")).isVisible();
    assertThat(widget.connection()).hasText("Connected");

    page.context().setOffline(true);
    assertThat(widget.connection()).hasText("Offline");
    widget.send("Are you still there?");
    assertThat(widget.stateOf("Are you still there?")).hasText("Waiting for connection…");
    agent.say(room, "Update 1: the 08:00 train is cancelled.");
    agent.say(room, "Update 2: the 09:30 train runs.");
    agent.say(room, "Update 3: I moved your seat to the 09:30.");
    page.context().setOffline(false);

    assertThat(widget.connection()).hasText("Connected");
    assertThat(widget.messageTexts())
        .hasText(
            new String[] {
              "Will my train to Porto run tomorrow?",
              "Let me check the timetable.",
              "Update 1: the 08:00 train is cancelled.",
              "Update 2: the 09:30 train runs.",
              "Update 3: I moved your seat to the 09:30.",
              "Are you still there?"
            });
    assertThat(widget.stateOf("Are you still there?")).hasText("Sent");
    List<JsonObject> stored = transcript(agent, room);
    assertThat(widget.log().locator(".msg")).hasCount(stored.size());
    assertThat(texts(stored)).containsOnlyOnce("Are you still there?");
  }

  @Test
  void aReloadBringsBackTheConversationWithTypingAndReadMarks(
      Chromium chromium, Desk desk, ConciergeServer server) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    Widget widget = Widget.onDemoSite(page);
    String room =
        widget.startChat("Dinner in Porto", "Could you book a table for two on Friday evening?");
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    agent.say(room, "Of course! Any preference for the time?");
    assertThat(widget.message("Of course! Any preference for the time?")).isVisible();
    widget.send("Around 8 pm, please. Somewhere with a view of the river.");
    assertThat(widget.stateOf("Around 8 pm, please. Somewhere with a view of the river."))
        .hasText("Sent");

    page.reload();
    assertThat(widget.panel()).isVisible();
    assertThat(widget.messageTexts())
        .hasText(
            new String[] {
              "Could you book a table for two on Friday evening?",
              "Of course! Any preference for the time?",
              "Around 8 pm, please. Somewhere with a view of the river."
            });
    List<JsonObject> stored = transcript(agent, room);
    assertThat(widget.log().locator(".msg")).hasCount(stored.size());
    assertThat(widget.connection()).hasText("Connected");

    try (SocketClient agentSocket = SocketClient.signedIn(server, agent)) {
      agentSocket.send(Json.of("type", "join", "roomId", room, "afterSeq", stored.size()));
      agentSocket.await("joined");

      long travelersSeq = seqOf(stored, "Around 8 pm, please. Somewhere with a view of the river.");
      agentSocket.send(Json.of("type", "read", "roomId", room, "seq", travelersSeq));
      assertThat(widget.stateOf("Around 8 pm, please. Somewhere with a view of the river."))
          .hasText("Read");
      assertThat(widget.stateOf("Could you book a table for two on Friday evening?"))
          .hasText("Read");

      agentSocket.send(
          Json.of(
              "type",
              "message",
              "roomId",
              room,
              "clientId",
              UUID.randomUUID().toString(),
              "text",
              "Booked: Friday 20:00 at Cais da Ribeira, table by the window."));
      long bookedSeq = agentSocket.await("ack").getJsonNumber("seq").longValue();
      assertThat(widget.message("Booked: Friday 20:00 at Cais da Ribeira, table by the window."))
          .isVisible();
      String travelerId =
          ok(agent.client().get("/api/chat/" + room)).getJsonObject("traveler").getString("id");
      agentSocket.await(
          frame ->
              "read".equals(frame.getString("type"))
                  && travelerId.equals(frame.getString("userId"))
                  && frame.getJsonNumber("seq").longValue() >= bookedSeq,
          "the traveler's read marker");

      widget.composer().pressSequentially("Perfect, thank");
      agentSocket.await(
          frame ->
              "typing".equals(frame.getString("type"))
                  && frame.getBoolean("typing")
                  && travelerId.equals(frame.getJsonObject("user").getString("id")),
          "the traveler typing");

      agentSocket.send(Json.of("type", "typing", "roomId", room, "typing", true));
      assertThat(widget.typing()).hasText(agent.name() + " is typing…");
      Chromium.screenshot(page, "widget-conversation");
      agentSocket.send(Json.of("type", "typing", "roomId", room, "typing", false));
      assertThat(widget.typing()).isHidden();
    }

    page.reload();
    assertThat(widget.stateOf("Around 8 pm, please. Somewhere with a view of the river."))
        .hasText("Read");
  }

  @Test
  void aFailedSendShowsRetryAndTheRetryStoresItOnce(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    page.clock().install();
    AtomicBoolean losingAnswers = new AtomicBoolean();
    AtomicInteger answersLost = new AtomicInteger();
    page.routeWebSocket(
        url -> url.endsWith("/ws/chat"),
        browserSide -> {
          WebSocketRoute serverSide = browserSide.connectToServer();
          browserSide.onMessage(frame -> serverSide.send(frame.text()));
          serverSide.onMessage(
              frame -> {
                String type = typeOf(frame.text());
                boolean answer = "ack".equals(type) || "message".equals(type);
                if (losingAnswers.get() && answer) {
                  answersLost.incrementAndGet();
                } else {
                  browserSide.send(frame.text());
                }
              });
        });
    Widget widget = Widget.onDemoSite(page);
    String room = widget.startChat("Hotel in Lisbon", "Is breakfast included?");
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    assertThat(widget.log().locator(".msg--system")).hasCount(1);

    losingAnswers.set(true);
    widget.send("And is there a pool?");
    assertThat(widget.stateOf("And is there a pool?")).hasText("Sending…");
    page.waitForCondition(() -> answersLost.get() == 2); // the ack and the message's echo
    page.clock().runFor(11_000);
    assertThat(widget.stateOf("And is there a pool?")).hasText("Not sent");
    assertThat(texts(transcript(agent, room))).containsOnlyOnce("And is there a pool?");

    losingAnswers.set(false);
    widget.message("And is there a pool?").getByRole(AriaRole.BUTTON, exactName("Retry")).click();
    assertThat(widget.stateOf("And is there a pool?")).hasText("Sent");
    assertThat(widget.message("And is there a pool?")).hasCount(1);
    assertThat(widget.message("And is there a pool?").getByRole(AriaRole.BUTTON)).hasCount(0);
    assertThat(texts(transcript(agent, room))).containsOnlyOnce("And is there a pool?");
  }

  @Test
  void pastChatsShowAClosedChatsTranscript(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    Widget widget = Widget.onDemoSite(page);
    String room = widget.startChat("Refund for a cancelled tour", "When will I get my refund?");
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    agent.say(room, "Your refund is on its way: 3 to 5 working days.");
    ok(agent.client().post("/api/chat/" + room + "/close"));

    assertThat(widget.panel().getByText("How did we do?")).isVisible();
    assertThat(widget.composer()).hasCount(0);
    widget.button("Skip").click();
    widget.button("Start a new chat").click();
    assertThat(widget.button("Start chat")).isVisible();

    widget.button("Past chats").click();
    Locator pastChat =
        widget.panel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund"));
    assertThat(pastChat).containsText("Closed");
    pastChat.click();
    Locator transcript = widget.panel().getByRole(AriaRole.LIST, exactName("Transcript"));
    assertThat(transcript.locator(".msg:not(.msg--system) .msg-text"))
        .hasText(
            new String[] {
              "When will I get my refund?", "Your refund is on its way: 3 to 5 working days."
            });
    assertThat(widget.panel().getByText("This chat is closed.")).isVisible();
    assertThat(widget.composer()).hasCount(0);

    widget.button("Back").click();
    assertThat(pastChat).isVisible();
  }

  @Test
  void theLinkOfAnEmailOpensTheChatItNamesInTheBrowserThatStartedIt(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson());
    Widget widget = Widget.onDemoSite(page);
    String earlier = widget.startChat("Ferry times", "When is the last ferry?");
    ok(agent.client().post("/api/chat/" + earlier + "/accept"));
    agent.say(earlier, "The last ferry leaves at 22:10.");
    ok(agent.client().post("/api/chat/" + earlier + "/close"));
    widget.button("Skip").click();
    widget.button("Start a new chat").click();
    widget.field("Subject").fill("Bikes on board");
    widget.field("How can we help?").fill("Can I bring my bike?");
    widget.button("Start chat").click();
    assertThat(widget.stateOf("Can I bring my bike?")).hasText("Sent");
    page.navigate("about:blank");

    // The address emails and texts give when CONCIERGE_CHAT_PAGE_URL is not set.
    page.navigate("/chat/?concierge-chat=" + earlier);

    Locator transcript = widget.panel().getByRole(AriaRole.LIST, exactName("Transcript"));
    assertThat(transcript.locator(".msg:not(.msg--system) .msg-text"))
        .hasText(new String[] {"When is the last ferry?", "The last ferry leaves at 22:10."});
    assertThat(page).hasURL(Pattern.compile(".*/chat/$"));
    widget.button("Back").click();
    assertThat(
            widget
                .panel()
                .getByRole(
                    AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bikes on board")))
        .containsText("Waiting");
    assertThat(Chromium.errors(page)).isEmpty();

    Page elsewhere = traveler(chromium.newPerson());
    elsewhere.navigate("/chat/?concierge-chat=" + earlier);
    assertThat(new Widget(elsewhere).panel().getByText("started in another browser")).isVisible();
    assertThat(Chromium.errors(elsewhere)).isEmpty();
  }

  @Test
  void onAPhoneThePanelTakesTheWholeScreen(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    Page page = traveler(chromium.newPerson(390, 844));
    page.addInitScript(
        "window.ConciergeSettings = {name: 'Ola Nordmann', email: 'ola@example.com'};");
    Widget widget = Widget.onDemoSite(page);
    widget.launcher().click();
    assertThat(widget.field("Your name")).hasValue("Ola Nordmann");
    assertThat(widget.field("Email")).hasValue("ola@example.com");
    widget.button("Close the chat window").click();

    String room = widget.startChat("Ferry times", "When does the last ferry to Flåm leave?");
    assertThat(widget.launcher()).isHidden();
    assertThat(widget.panel()).hasJSProperty("offsetWidth", 390);
    assertThat(widget.panel()).hasJSProperty("offsetHeight", 844);
    ok(agent.client().post("/api/chat/" + room + "/accept"));
    agent.say(room, "The last one leaves at 18:40 from pier 2.");
    assertThat(widget.message("The last one leaves at 18:40 from pier 2.")).isInViewport();
    widget.send("Thanks, see you on board!");
    assertThat(widget.stateOf("Thanks, see you on board!")).hasText("Sent");
    assertThat(widget.composer()).isInViewport();
    assertThat(
            ok(agent.client().get("/api/chat/" + room)).getJsonObject("traveler").getString("name"))
        .isEqualTo("Ola Nordmann");
    Chromium.screenshot(page, "widget-phone");

    widget.button("Close the chat window").click();
    assertThat(widget.panel()).isHidden();
    assertThat(widget.launcher()).isVisible();
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void aHostPageHandsInItsSignedInTraveler(Chromium chromium, Desk desk) {
    Session traveler = desk.newTraveler();
    List<String> rooms = new ArrayList<>();
    for (String subject : List.of("Visa", "Insurance", "Seats")) {
      Reply started =
          traveler.client().post("/api/chat/start", Json.of("subject", subject, "message", "?"));
      assertThat(started.status()).as(started.toString()).isEqualTo(201);
      rooms.add(started.json().getString("id"));
    }
    Reply refused = traveler.client().post("/api/chat/start", Json.of("message", "One more"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    Page page = traveler(chromium.newPerson());
    page.addInitScript(
        "window.ConciergeSettings = {token: '" + traveler.token() + "', locale: 'en-GB'};");
    Widget widget = Widget.onDemoSite(page);

    widget.launcher().click();
    assertThat(widget.field("Subject")).isVisible();
    assertThat(widget.field("Your name")).hasCount(0);
    widget.field("How can we help?").fill("One more question");
    widget.button("Start chat").click();
    assertThat(widget.panel().getByRole(AriaRole.ALERT).filter(visible()))
        .hasText(refused.json().getString("detail"));

    widget.button("Past chats").click();
    Locator pastChats = widget.panel().locator(".history-item");
    assertThat(pastChats).hasCount(3);
    assertThat(pastChats.filter(new Locator.FilterOptions().setHasText("Waiting"))).hasCount(3);
    pastChats.filter(new Locator.FilterOptions().setHasText("Insurance")).click();
    assertThat(widget.messageTexts()).hasText(new String[] {"?"});
    assertThat(widget.composer()).isVisible();

    // Left pending, they would wait in the desk's one queue for other tests' agents.
    for (String room : rooms) {
      ok(traveler.client().post("/api/chat/" + room + "/close"));
    }
    assertThat(widget.panel().getByText("How did we do?")).isVisible();
  }

  // ---- steps ------------------------------------------------------------------------------

  private Page traveler(Page page) {
    people.add(page);
    return page;
  }

  /** Presses Tab until {@code target} has focus, as a keyboard user would. */
  private static void tabTo(Page page, Locator target) {
    for (int presses = 0; presses < 60; presses++) {
      if ((Boolean) target.evaluate("e => e.getRootNode().activeElement === e")) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("Tab never reached " + target);
  }

  private static JsonObject ok(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** Every stored message of the chat, following the pages. */
  private static List<JsonObject> transcript(Session who, String room) {
    List<JsonObject> all = new ArrayList<>();
    long after = 0;
    while (true) {
      Reply page = who.client().get("/api/chat/" + room + "/messages?limit=100&after=" + after);
      List<JsonObject> items =
          ok(page).getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      after = items.get(items.size() - 1).getJsonNumber("seq").longValue();
    }
  }

  private static List<String> texts(List<JsonObject> messages) {
    return messages.stream().map(message -> message.getString("text")).toList();
  }

  private static long seqOf(List<JsonObject> messages, String text) {
    return messages.stream()
        .filter(message -> text.equals(message.getString("text")))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("seq")
        .longValue();
  }

  private static String typeOf(String frame) {
    return jakarta.json.Json.createReader(new StringReader(frame)).readObject().getString("type");
  }

  private static Locator.GetByRoleOptions exactName(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  private static Locator.FilterOptions visible() {
    return new Locator.FilterOptions().setVisible(true);
  }
}
