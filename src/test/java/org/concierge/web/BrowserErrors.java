package org.concierge.web;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What goes wrong in a page's scripts: errors thrown, and errors logged to the console, which is
 * where the browser reports what the Content Security Policy blocked.
 */
final class BrowserErrors {

  private BrowserErrors() {}

  /** A list that fills with the page's script errors from now on. */
  static List<String> collect(Page page) {
    List<String> errors = new CopyOnWriteArrayList<>();
    page.onPageError(errors::add);
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            errors.add(message.text());
          }
        });
    return errors;
  }
}
