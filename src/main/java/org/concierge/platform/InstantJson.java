package org.concierge.platform;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as API.md writes them: ISO-8601 in UTC, always with milliseconds. */
public final class InstantJson implements JsonbAdapter<Instant, String> {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  @Override
  public String adaptToJson(Instant instant) {
    return format(instant);
  }

  @Override
  public Instant adaptFromJson(String text) {
    return Instant.parse(text);
  }
}
