package org.concierge.platform;

/** The {@code limit} and {@code cursor} of a list request, checked. */
public record PageRequest(int limit, String cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /**
   * @param limit the {@code limit} query parameter, or null: 20 by default, above 100 counts as 100
   * @param cursor the cursor query parameter, or null for the first page
   * @param cursorName the name of the cursor parameter, for error messages
   */
  public static PageRequest of(String limit, String cursor, String cursorName) {
    FieldChecks checks = new FieldChecks();
    int size = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        size = Math.min(Integer.parseInt(limit.strip()), MAX_LIMIT);
        checks.check(size >= 1, "limit", "must be at least 1");
      } catch (NumberFormatException e) {
        checks.add("limit", "must be a whole number");
      }
    }
    checks.check(
        cursor == null || cursor.length() <= 200, cursorName, "is not a cursor of this list");
    checks.throwIfInvalid();
    return new PageRequest(size, cursor == null || cursor.isBlank() ? null : cursor);
  }
}
