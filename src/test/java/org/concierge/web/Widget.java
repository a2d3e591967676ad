package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/**
 * The traveler widget as a traveler sees it on the demo site: what is on screen, found by role and
 * label where a person would find it that way, and the few steps tests repeat.
 */
final class Widget {

  private final Page page;

  Widget(Page page) {
    this.page = page;
  }

  /** Opens the demo travel site, which embeds the widget with its one script tag. */
  static Widget onDemoSite(Page page) {
    page.navigate("/demo/");
    Widget widget = new Widget(page);
    assertThat(widget.launcher()).isVisible();
    return widget;
  }

  Page page() {
    return page;
  }

  Locator host() {
    return page.locator("concierge-widget");
  }

  Locator launcher() {
    return host().locator(".launcher");
  }

  Locator panel() {
    return page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Chat with us"));
  }

  Locator button(String name) {
    return panel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
  }

  Locator field(String label) {
    return panel().getByLabel(label);
  }

  Locator log() {
    return panel().getByRole(AriaRole.LOG);
  }

  /** The text of every message in the conversation that is not a system message, in order. */
  Locator messageTexts() {
    return log().locator(".msg:not(.msg--system) .msg-text");
  }

  /** The bubble holding exactly this text. */
  Locator message(String text) {
    return log()
        .locator(".msg")
        .filter(
            new Locator.FilterOptions()
                .setHas(page.getByText(text, new Page.GetByTextOptions().setExact(true))));
  }

  Locator stateOf(String text) {
    return message(text).locator(".msg-state");
  }

  Locator composer() {
    return panel().getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Message"));
  }

  Locator connection() {
    return panel().locator(".conn");
  }

  Locator subtitle() {
    return panel().locator(".subtitle");
  }

  Locator typing() {
    return panel().locator(".typing");
  }

  /** Opens the panel, fills the pre-chat form with the mouse and starts a chat; its id. */
  String startChat(String subject, String message) {
    launcher().click();
    field("Subject").fill(subject);
    field("How can we help?").fill(message);
    button("Start chat").click();
    assertThat(stateOf(message)).hasText("Sent");
    return chatId();
  }

  /** The id of the chat the widget shows, which it publishes on its host element. */
  String chatId() {
    assertThat(host()).hasAttribute("data-chat-id", Pattern.compile(".+"));
    return host().getAttribute("data-chat-id");
  }

  void send(String text) {
    composer().fill(text);
    composer().press("Enter");
  }
}
