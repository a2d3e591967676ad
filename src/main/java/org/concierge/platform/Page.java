package org.concierge.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list of API.md answers: the items, and the cursor for the next page
 * (null when there is nothing more).
 */
@JsonbTypeSerializer(NullableAwareSerializer.class)
public record Page<T>(List<T> items, @JsonbNillable String nextCursor) {

  /**
   * The page from {@code fetched}, which holds up to {@code limit + 1} items: one more than asked
   * for tells that a next page exists.
   */
  public static <T, C> Page<T> of(
      List<C> fetched, int limit, Function<C, T> view, Function<C, String> cursorOf) {
    boolean more = fetched.size() > limit;
    List<C> shown = more ? fetched.subList(0, limit) : fetched;
    String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
    return new Page<>(shown.stream().map(view).toList(), next);
  }

  public <R> Page<R> map(Function<T, R> view) {
    return new Page<>(items.stream().map(view).toList(), nextCursor);
  }
}
