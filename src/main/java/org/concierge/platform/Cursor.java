package org.concierge.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors: the sort key of the last item shown, so the next page starts right after it
 * even while items are added.
 */
public final class Cursor {

  private static final String SEPARATOR = "\n";

  private Cursor() {}

  public static String encode(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws Invalid naming {@code field} when the cursor was not made by {@link #encode} with
   *     {@code count} parts
   */
  public static String[] decode(String cursor, int count, String field) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split(SEPARATOR, -1);
      if (parts.length == count) {
        return parts;
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the refusal below.
    }
    throw new Invalid(field, "is not a cursor of this list");
  }

  /** A number part of a cursor. */
  public static long number(String part, String field) {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw new Invalid(field, "is not a cursor of this list");
    }
  }
}
