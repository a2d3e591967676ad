package org.concierge.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import org.concierge.analytics.HourlyActivity;
import org.concierge.analytics.RatingCounts;

/**
 * The Chart.js configurations of the "Desk now" page, as the JSON that PrimeFaces' chart component
 * takes. Hours go out as instants and durations as seconds; the page's script formats them in the
 * viewer's time zone and words (see {@code admin-charts.js}).
 */
final class DeskCharts {

  static final String BRAND = "#0f6e6e";
  static final String BLUE = "#175cd3";
  private static final String GRID = "#eef1f6";
  private static final List<String> SCORE_COLOURS =
      List.of("#f04438", "#f79009", "#fdb022", "#66c61c", "#12b76a");

  private DeskCharts() {}

  /** Chats started in each hour, as bars. */
  static String started(List<HourlyActivity> hours) {
    JsonObject dataset =
        Json.createObjectBuilder()
            .add("label", "Chats started")
            .add("data", numbers(hours, h -> (double) h.started()))
            .add("backgroundColor", BRAND)
            .add("borderRadius", 4)
            .add("maxBarThickness", 26)
            .build();
    return chart("bar", hourLabels(hours), List.of(dataset), scales(true), false);
  }

  /** Average first response and resolution of the chats started in each hour, as lines. */
  static String times(List<HourlyActivity> hours) {
    JsonObject firstResponse =
        line("First response", numbers(hours, HourlyActivity::avgFirstResponseSeconds), BLUE);
    JsonObject resolution =
        line("Resolution", numbers(hours, HourlyActivity::avgResolutionSeconds), BRAND);
    return chart(
        "line", hourLabels(hours), List.of(firstResponse, resolution), scales(false), true);
  }

  /** How many chats were rated 1 to 5. */
  static String ratings(RatingCounts ratings) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (int score = 1; score <= 5; score++) {
      labels.add(score + " ★");
      counts.add(ratings.of(score));
      colours.add(SCORE_COLOURS.get(score - 1));
    }
    JsonObject dataset =
        Json.createObjectBuilder()
            .add("label", "Chats rated")
            .add("data", counts)
            .add("backgroundColor", colours)
            .add("borderRadius", 4)
            .add("maxBarThickness", 34)
            .build();
    return chart("bar", labels, List.of(dataset), scales(true), false);
  }

  private static String chart(
      String type,
      JsonArrayBuilder labels,
      List<JsonObject> datasets,
      JsonObject scales,
      boolean legend) {
    JsonArrayBuilder sets = Json.createArrayBuilder();
    datasets.forEach(sets::add);
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", Json.createObjectBuilder().add("duration", 400))
            .add(
                "layout",
                Json.createObjectBuilder()
                    .add("padding", Json.createObjectBuilder().add("right", 10)))
            .add(
                "interaction",
                Json.createObjectBuilder().add("mode", "index").add("intersect", false))
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add(
                        "legend",
                        Json.createObjectBuilder()
                            .add("display", legend)
                            .add("position", "top")
                            .add("align", "end")
                            .add(
                                "labels",
                                Json.createObjectBuilder()
                                    .add("usePointStyle", true)
                                    .add("boxWidth", 8)
                                    .add("boxHeight", 8))))
            .add("scales", scales);
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", sets))
        .add("options", options)
        .build()
        .toString();
  }

  private static JsonObject line(String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("borderWidth", 2)
        .add("pointRadius", 3)
        .add("tension", 0.3)
        .add("spanGaps", true)
        .build();
  }

  /** Counts start at zero in whole steps; both axes get light grid lines. */
  private static JsonObject scales(boolean counts) {
    JsonObjectBuilder y =
        Json.createObjectBuilder()
            .add("beginAtZero", true)
            .add("grid", Json.createObjectBuilder().add("color", GRID));
    if (counts) {
      y.add("ticks", Json.createObjectBuilder().add("precision", 0));
    }
    return Json.createObjectBuilder()
        .add(
            "x",
            Json.createObjectBuilder()
                .add("grid", Json.createObjectBuilder().add("display", false)))
        .add("y", y)
        .build();
  }

  private static JsonArrayBuilder hourLabels(List<HourlyActivity> hours) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    hours.forEach(hour -> labels.add(hour.hour().toString()));
    return labels;
  }

  /** The figures of each hour; an hour without one is a gap. */
  private static JsonArrayBuilder numbers(
      List<HourlyActivity> hours, Function<HourlyActivity, Double> figure) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (HourlyActivity hour : hours) {
      Double value = figure.apply(hour);
      if (value == null) {
        data.addNull();
      } else {
        data.add(value);
      }
    }
    return data;
  }
}
