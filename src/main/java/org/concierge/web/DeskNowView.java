package org.concierge.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.concierge.analytics.AnalyticsService;
import org.concierge.analytics.HourlyActivity;
import org.concierge.analytics.Overview;
import org.concierge.identity.Caller;
import org.concierge.platform.Clock;
import org.primefaces.PrimeFaces;

/**
 * "Desk now": the overview of the last 24 hours as cards, and the day hour by hour as charts. The
 * page polls {@link #refresh} every few seconds; the cards are drawn again each time, a chart only
 * when its figures changed, so a quiet desk's charts stand still.
 */
@Named("deskNow")
@ViewScoped
public class DeskNowView implements Serializable {

  static final Duration PERIOD = Duration.ofHours(24);
  static final String STARTED_CHART = "charts:started";
  static final String TIMES_CHART = "charts:times";
  static final String RATINGS_CHART = "charts:ratings";

  @Inject AnalyticsService analytics;
  @Inject CurrentStaff staff;
  @Inject Clock clock;

  /** Read again on every request, so never kept with the view. */
  private transient Overview overview;

  private String startedChart;
  private String timesChart;
  private String ratingsChart;

  @PostConstruct
  void load() {
    read();
  }

  /** Reads the figures again; draws again the charts whose figures changed. */
  public void refresh() {
    String started = startedChart;
    String times = timesChart;
    String ratings = ratingsChart;
    read();
    redrawIfChanged(started, startedChart, STARTED_CHART);
    redrawIfChanged(times, timesChart, TIMES_CHART);
    redrawIfChanged(ratings, ratingsChart, RATINGS_CHART);
  }

  private void read() {
    Caller caller = staff.caller();
    Instant now = clock.now();
    Instant from = now.minus(PERIOD);
    overview = analytics.overview(caller, from, now);
    Instant firstHour = now.truncatedTo(ChronoUnit.HOURS).minus(PERIOD).plus(Duration.ofHours(1));
    List<HourlyActivity> hours = analytics.hourly(caller, firstHour, now);
    startedChart = DeskCharts.started(hours);
    timesChart = DeskCharts.times(hours);
    ratingsChart = DeskCharts.ratings(analytics.ratings(caller, from, now));
  }

  private static void redrawIfChanged(String before, String now, String chartId) {
    if (!now.equals(before)) {
      PrimeFaces.current().ajax().update(chartId);
    }
  }

  private Overview overview() {
    if (overview == null) {
      read();
    }
    return overview;
  }

  public long getPending() {
    return overview().chats().pending();
  }

  public long getActive() {
    return overview().chats().active();
  }

  public long getClosed() {
    return overview().chats().closed();
  }

  public long getStarted() {
    return overview().chats().total();
  }

  public long getOnline() {
    return overview().agents().online();
  }

  public long getAway() {
    return overview().agents().away();
  }

  public long getOffline() {
    return overview().agents().offline();
  }

  public String getFirstResponse() {
    return Durations.humane(overview().avgFirstResponseSeconds());
  }

  public String getResolution() {
    return Durations.humane(overview().avgResolutionSeconds());
  }

  /** The average rating with one decimal, or a dash when no chat was rated. */
  public String getSatisfaction() {
    Double average = overview().satisfaction().average();
    return average == null ? Durations.NONE : String.format(Locale.ROOT, "%.1f", average);
  }

  public long getRatings() {
    return overview().satisfaction().count();
  }

  public String getStartedChart() {
    return startedChart;
  }

  public String getTimesChart() {
    return timesChart;
  }

  public String getRatingsChart() {
    return ratingsChart;
  }
}
