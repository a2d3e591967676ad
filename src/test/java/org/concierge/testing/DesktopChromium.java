package org.concierge.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's Chromium, headless, started as its own process with a profile of its own and driven over
 * the DevTools protocol, so that its tabs behave as on a desktop: opening a tab hides the one
 * before it ({@code document.visibilityState} is really {@code hidden}), and bringing it back shows
 * it. Browser contexts that Playwright creates itself keep every page visible and focused, which is
 * right for most tests, but not for one about what a page does in a background tab. It is a normal
 * profile, not an incognito one, so the Push API is there too.
 */
public final class DesktopChromium implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(30);

  private final Process process;
  private final Playwright playwright;
  private final Browser browser;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  public DesktopChromium(Path profile) {
    try {
      Files.createDirectories(profile);
      Path portFile = profile.resolve("DevToolsActivePort");
      Files.deleteIfExists(portFile);
      process =
          new ProcessBuilder(
                  Chromium.EXECUTABLE.toString(),
                  "--headless",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile.toAbsolutePath(),
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--disable-quic",
                  "about:blank")
              .redirectErrorStream(true)
              .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
              .start();
      List<String> lines =
          Awaitility.await("Chromium's DevTools port")
              .atMost(START)
              .pollInterval(Duration.ofMillis(100))
              .until(() -> readLines(portFile), found -> found.size() >= 2);
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      // Without the defaults Playwright gives its pages (focus emulation among them), the
      // browser's own tabs decide what is visible.
      browser =
          playwright
              .chromium()
              .connectOverCDP(
                  "ws://127.0.0.1:" + lines.get(0) + lines.get(1),
                  new BrowserType.ConnectOverCDPOptions().setNoDefaults(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The browser's own context: its profile, permissions and service workers. */
  public BrowserContext context() {
    return browser.contexts().get(0);
  }

  public Browser browser() {
    return browser;
  }

  /** A new tab in front of the others, whose script errors are collected. */
  public Page newTab() {
    Page page = context().newPage();
    page.setDefaultTimeout(15_000);
    page.onPageError(error -> errors.add("script error: " + error));
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            errors.add("console: " + message.text());
          }
        });
    return page;
  }

  /** What went wrong in the tabs' scripts so far: uncaught errors and console errors. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private static List<String> readLines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  @Override
  public void close() {
    try {
      browser.close();
      playwright.close();
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
