package org.concierge.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The unread stretches this node has already written a notification for, the oldest forgotten
 * first: a chat's hot path asks the store once per stretch, not once per message. A forgotten
 * stretch costs one more look at the store, whose dedupe key still refuses the repeat.
 */
public final class Stretches {

  private static final int REMEMBERED = 10_000;

  private final Set<String> seen =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED;
                }
              }));

  /** True the first time {@code stretch} is named (until it is forgotten). */
  public boolean first(String stretch) {
    return seen.add(stretch);
  }

  /** Forgets {@code stretch}, whose notification could not be written after all. */
  public void forget(String stretch) {
    seen.remove(stretch);
  }
}
