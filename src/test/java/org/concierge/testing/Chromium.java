package org.concierge.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium, headless, driven by Playwright. Each person in a story gets their own browser
 * context: their own cookies, storage and network, as if on their own machine.
 */
public final class Chromium implements AutoCloseable {

  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Map<Page, List<String>> ERRORS = new ConcurrentHashMap<>();

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;

  Chromium(String baseUrl) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(
          EXECUTABLE + " is missing: install Debian's chromium package (see .ci/run)");
    }
    this.baseUrl = baseUrl;
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--disable-quic")));
  }

  /** A new person at a desktop-sized window, with addresses relative to the server. */
  public Page newPerson() {
    return newPerson(1280, 800);
  }

  /** A new person with a window of this size (a phone is about 390 × 844). */
  public Page newPerson(int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
    context.setDefaultTimeout(15_000);
    Page page = context.newPage();
    List<String> errors = new CopyOnWriteArrayList<>();
    page.onPageError(error -> errors.add("script error: " + error));
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            errors.add("console: " + message.text());
          }
        });
    ERRORS.put(page, errors);
    return page;
  }

  /**
   * What went wrong in the page's scripts so far: uncaught errors and console errors, among them
   * every script or style the Content Security Policy refused.
   */
  public static List<String> errors(Page page) {
    return List.copyOf(ERRORS.getOrDefault(page, List.of()));
  }

  /** Saves what the person sees as {@code target/screenshots/<name>.png}. */
  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
