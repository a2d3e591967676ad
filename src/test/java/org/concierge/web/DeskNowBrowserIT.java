package org.concierge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.concierge.testing.Chromium;
import org.concierge.testing.Desk;
import org.concierge.testing.Json;
import org.concierge.testing.Reply;
import org.concierge.testing.ServerExtension;
import org.concierge.testing.Session;
import org.concierge.testing.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "Desk now" page shows the desk's numbers of the last 24 hours, and keeps them current. */
@ExtendWith(ServerExtension.class)
class DeskNowBrowserIT {

  /** Two polls of the page, and some slack. */
  private static final LocatorAssertions.HasTextOptions LIVE =
      new LocatorAssertions.HasTextOptions().setTimeout(15_000);

  @Test
  void showsTheNumbersAndChartsOfTheDayAndFollowsTheDesk(Chromium chromium, Desk desk) {
    Session agent = desk.newAgent();
    assertThat(agent.client().put("/api/agents/me/status", Json.of("status", "online")).status())
        .isEqualTo(200);
    servedAndRated(desk, agent, 4);
    servedAndRated(desk, agent, 5);
    String active = desk.newTraveler().startChat("message", "Hello");
    agent.accept(active);
    agent.say(active, "Looking into it.");
    desk.newTraveler().startChat("message", "Hello");

    Session admin = desk.newAdmin();
    Page page = StaffBrowser.signIn(chromium.newPerson(1440, 1150), admin);
    page.navigate("/admin/overview.xhtml");
    JsonObject overview = lastDay(admin);
    JsonObject chats = overview.getJsonObject("chats");
    JsonObject agents = overview.getJsonObject("agents");

    assertThat(metric(page, "pending")).hasText(String.valueOf(chats.getInt("pending")));
    assertThat(metric(page, "active")).hasText(String.valueOf(chats.getInt("active")));
    assertThat(metric(page, "total")).hasText(String.valueOf(chats.getInt("total")));
    assertThat(metric(page, "closed")).hasText(String.valueOf(chats.getInt("closed")));
    assertThat(metric(page, "online")).hasText(String.valueOf(agents.getInt("online")));
    assertThat(metric(page, "away")).hasText(String.valueOf(agents.getInt("away")));
    assertThat(metric(page, "offline")).hasText(String.valueOf(agents.getInt("offline")));
    assertThat(metric(page, "first-response"))
        .hasText(Durations.humane(number(overview, "avgFirstResponseSeconds")));
    assertThat(metric(page, "resolution"))
        .hasText(Durations.humane(number(overview, "avgResolutionSeconds")));
    JsonObject satisfaction = overview.getJsonObject("satisfaction");
    assertThat(metric(page, "satisfaction"))
        .hasText(String.format(Locale.ROOT, "%.1f", number(satisfaction, "average")));
    assertThat(metric(page, "ratings")).hasText(String.valueOf(satisfaction.getInt("count")));
    assertThat(chats.getInt("pending")).isPositive();
    assertThat(agents.getInt("online")).isPositive();

    awaitDrawn(page, "startedChart");
    awaitDrawn(page, "timesChart");
    awaitDrawn(page, "ratingsChart");
    assertThat(chartSum(page, "startedChart", 0)).isEqualTo(chats.getInt("total"));
    assertThat(chartValue(page, "ratingsChart", 0, 3)).isPositive();
    assertThat(chartValue(page, "ratingsChart", 0, 4)).isPositive();
    assertThat(chartSum(page, "ratingsChart", 0)).isEqualTo(satisfaction.getInt("count"));
    assertThat(
            (Boolean)
                page.evaluate(
                    "() => PF('timesChart').chart.data.datasets.every(d => d.data.some(v => v > 0))"))
        .isTrue();
    Chromium.screenshot(page, "admin-desk-now");

    desk.newTraveler().startChat("message", "Hello");
    int pending = chats.getInt("pending") + 1;
    int total = chats.getInt("total") + 1;
    assertThat(metric(page, "pending")).hasText(String.valueOf(pending), LIVE);
    assertThat(metric(page, "total")).hasText(String.valueOf(total), LIVE);
    page.waitForFunction(
        "total => PF('startedChart').chart.data.datasets[0].data.reduce((a, b) => a + b, 0)"
            + " === total",
        total);
    assertThat(page.url()).endsWith("/admin/overview.xhtml");
    assertThat(Chromium.errors(page)).isEmpty();
  }

  @Test
  void anAdminDisabledMeanwhileIsSentToSignIn(Chromium chromium, Desk desk) {
    Session watching = desk.newAdmin();
    Page page = StaffBrowser.signIn(chromium.newPerson(), watching);
    page.navigate("/admin/overview.xhtml");
    assertThat(page.locator("h1")).hasText("Desk now");

    Reply disabled =
        desk.newAdmin()
            .client()
            .put("/api/admin/users/" + watching.id(), Json.of("disabled", true));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(page)
        .hasURL(
            Pattern.compile(".*/signin\\.xhtml"),
            new PageAssertions.HasURLOptions().setTimeout(15_000));
  }

  @Test
  void agentsAreKeptOut(Chromium chromium, Desk desk) {
    Page page = StaffBrowser.signIn(chromium.newPerson(), desk.newAgent());
    assertThat(page.navigate("/admin/overview.xhtml").status()).isEqualTo(403);
  }

  private static Locator metric(Page page, String name) {
    return page.locator("[data-metric=" + name + "]");
  }

  /** Waits until the chart is on its canvas, with something painted on it. */
  private static void awaitDrawn(Page page, String chart) {
    page.waitForFunction(
        "chart => { const w = PF(chart); if (!w || !w.chart) return false;"
            + " const c = w.canvas[0]; const pixels = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data;"
            + " return c.width > 0 && pixels.some(v => v !== 0); }",
        chart);
  }

  private static int chartSum(Page page, String chart, int dataset) {
    return ((Number)
            page.evaluate(
                "([chart, set]) => PF(chart).chart.data.datasets[set].data"
                    + ".reduce((a, b) => a + (b || 0), 0)",
                List.of(chart, dataset)))
        .intValue();
  }

  private static int chartValue(Page page, String chart, int dataset, int index) {
    return ((Number)
            page.evaluate(
                "([chart, set, i]) => PF(chart).chart.data.datasets[set].data[i]",
                List.of(chart, dataset, index)))
        .intValue();
  }

  private static JsonObject lastDay(Session admin) {
    Instant to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Reply reply =
        admin
            .client()
            .get(
                "/api/chat/analytics/overview?from="
                    + to.minus(Duration.ofHours(24))
                    + "&to="
                    + to);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static Double number(JsonObject object, String field) {
    return object.isNull(field) ? null : object.getJsonNumber(field).doubleValue();
  }

  private static void servedAndRated(Desk desk, Session agent, int score) {
    Session traveler = desk.newTraveler();
    String room = traveler.startChat("message", "Hello");
    agent.accept(room);
    agent.say(room, "Happy to help.");
    assertThat(agent.client().post("/api/chat/" + room + "/close").status()).isEqualTo(200);
    Reply rated = traveler.client().post("/api/chat/" + room + "/rating", Json.of("score", score));
    assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
  }
}
