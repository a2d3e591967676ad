package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole support conversation in three browsers at once: a traveler on the demo site and two
 * agents at their dashboards, from the first message to the rating.
 */
@ExtendWith(ServerExtension.class)
class StoryBrowserIT {

  @Test
  void aTravelerIsHelpedByTwoAgentsThroughADroppedNetworkAndRatesTheChat(
      Chromium chromium, Desk desk) {
    Session first = desk.newAgent();
    Session second = desk.newAgent();
    Page firstDesk = StaffBrowser.dashboard(chromium.newPerson(), first);
    Page secondDesk = StaffBrowser.dashboard(chromium.newPerson(), second);
    Page travelerPage = chromium.newPerson();
    Widget widget = Widget.onDemoSite(travelerPage);

    // The traveler starts a chat with priority high; both agents see it arrive.
    widget.launcher().click();
    widget.field("Your name").fill("Maria Santos");
    widget.field("Subject").fill("Flight cancelled in Porto");
    widget.field("Priority").selectOption("high");
    widget.field("How can we help?").fill("My flight to Berlin was cancelled. What now?");
    widget.button("Start chat").click();
    String room = widget.chatId();
    for (Page agentDesk : new Page[] {firstDesk, secondDesk}) {
      Locator waiting = queueItem(agentDesk, room);
      assertThat(waiting).containsText("Flight cancelled in Porto");
      assertThat(waiting).containsText("High");
      assertThat(waiting).containsText("Maria Santos");
    }

    // Agent 1 accepts; it leaves agent 2's queue.
    queueItem(firstDesk, room).getByRole(AriaRole.BUTTON).click();
    assertThat(queueItem(secondDesk, room)).hasCount(0);
    assertThat(widget.subtitle()).hasText("You are talking to " + first.name());
    Locator firstPane = pane(firstDesk, room);
    assertThat(firstPane.locator(".message.from-user .text"))
        .hasText("My flight to Berlin was cancelled. What now?");

    // Typing shows on both sides.
    widget.composer().pressSequentially("I am at the airport");
    assertThat(firstPane.locator(".typing")).hasText("Maria Santos is typing…");
    composer(firstPane).pressSequentially("Let me look");
    assertThat(widget.typing()).containsText(first.name() + " is typing…");

    // Messages both ways, with read marks on both sides.
    widget.composer().press("Enter");
    assertThat(firstPane.locator(".message.from-user .text").last()).hasText("I am at the airport");
    assertThat(widget.stateOf("I am at the airport")).containsText("Read");
    composer(firstPane).fill("I can rebook you on the 15:10 flight via Madrid.");
    composer(firstPane).press("Enter");
    assertThat(widget.message("I can rebook you on the 15:10 flight via Madrid.")).isVisible();
    assertThat(firstPane.locator(".message.own .mark").last()).hasText("Read");

    // Agent 1 hands the chat to agent 2, who takes over.
    firstPane
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer"))
        .click();
    Locator dialog = firstDesk.locator("[id='transferForm:transferDialog']");
    dialog.locator("tr", new Locator.LocatorOptions().setHasText(second.name())).click();
    dialog.getByLabel("Note for the next agent").fill("Rebooking via Madrid offered");
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
    assertThat(pane(firstDesk, room)).hasCount(0);
    secondDesk.locator("#mine [data-room='" + room + "'] button").click();
    Locator secondPane = pane(secondDesk, room);
    assertThat(secondPane.locator(".message.from-user .text"))
        .hasText(
            new String[] {"My flight to Berlin was cancelled. What now?", "I am at the airport"});
    assertThat(widget.subtitle()).hasText("You are talking to " + second.name());
    composer(secondPane).fill("Hello Maria, I have your seat on the 15:10 ready.");
    composer(secondPane).press("Enter");
    assertThat(widget.message("Hello Maria, I have your seat on the 15:10 ready.")).isVisible();

    // The traveler's network drops while agent 2 writes three messages.
    travelerPage.context().setOffline(true);
    assertThat(widget.connection()).hasText("Offline");
    String[] whileAway = {
      "Your new booking reference is QX7R2P.",
      "Boarding is at gate 12 from 14:30.",
      "A meal voucher is on its way by email."
    };
    for (String text : whileAway) {
      composer(secondPane).fill(text);
      composer(secondPane).press("Enter");
      assertThat(
              secondPane
                  .locator(".message.own")
                  .filter(new Locator.FilterOptions().setHasText(text))
                  .locator(".mark"))
          .hasText("Delivered");
    }
    travelerPage.context().setOffline(false);
    assertThat(widget.connection()).hasText("Connected");
    for (String text : whileAway) {
      assertThat(widget.message(text)).hasCount(1);
    }
    Locator agentLines = widget.log().locator(".msg--theirs .msg-text");
    assertThat(agentLines)
        .hasText(
            new String[] {
              "I can rebook you on the 15:10 flight via Madrid.",
              "Hello Maria, I have your seat on the 15:10 ready.",
              whileAway[0],
              whileAway[1],
              whileAway[2]
            });
    Chromium.screenshot(travelerPage, "story-traveler");

    // Agent 2 closes; the traveler rates 5.
    secondPane
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close chat"))
        .first()
        .click();
    secondPane.locator(".confirm-close .confirm").click();
    assertThat(secondPane.locator(".closed-note")).hasText("This chat is closed.");
    assertThat(widget.panel().getByText("How did we do?")).isVisible();
    // The fifth star, as a traveler clicks it.
    widget.panel().locator("label.star").nth(4).click();
    assertThat(
            widget
                .panel()
                .getByRole(
                    AriaRole.RADIO,
                    new Locator.GetByRoleOptions().setName("5 stars").setExact(true)))
        .isChecked();
    widget.button("Send rating").click();
    assertThat(widget.panel().getByText("Thank you for your feedback!")).isVisible();
    assertThat(secondPane.locator(".pane-meta")).containsText("Rated 5 of 5");

    JsonObject chat = second.client().get("/api/chat/" + room).json();
    assertThat(chat.getString("status")).isEqualTo("closed");
    assertThat(chat.getJsonObject("rating").getInt("score")).isEqualTo(5);
    assertThat(chat.getJsonObject("agent").getString("id")).isEqualTo(second.id());
    assertThat(chat.getJsonArray("transfers")).hasSize(1);
    for (Page page : new Page[] {firstDesk, secondDesk, travelerPage}) {
      assertThat(Chromium.errors(page)).as(page.url()).isEmpty();
    }
  }

  private static Locator queueItem(Page page, String room) {
    return page.locator("#queue [data-room='" + room + "']");
  }

  private static Locator pane(Page page, String room) {
    return page.locator(".pane[data-room='" + room + "']");
  }

  private static Locator composer(Locator pane) {
    return pane.getByRole(AriaRole.TEXTBOX);
  }
}
