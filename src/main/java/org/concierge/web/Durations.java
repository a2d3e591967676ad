package org.concierge.web;

import java.util.Locale;

/** Durations as people read them on the admin pages: "4.2 s", "45 s", "2 min 5 s", "1 h 20 min". */
final class Durations {

  static final String NONE = "–";

  private Durations() {}

  /**
   * The duration in its two largest units, to the second; under ten seconds to the tenth, and under
   * one in milliseconds, since a desk that answers at once should not read "0 s". A dash when there
   * is none.
   */
  static String humane(Double seconds) {
    if (seconds == null || seconds.isNaN() || seconds < 0) {
      return NONE;
    }
    if (seconds < 0.9995) {
      return Math.round(seconds * 1000) + " ms";
    }
    if (seconds < 9.95) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long total = Math.round(seconds);
    long days = total / 86_400;
    long hours = total % 86_400 / 3_600;
    long minutes = total % 3_600 / 60;
    long secs = total % 60;
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    if (minutes > 0) {
      return minutes + " min" + (secs > 0 ? " " + secs + " s" : "");
    }
    return secs + " s";
  }
}
