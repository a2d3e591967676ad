package org.concierge.analytics;

import java.util.List;

/** How many chats of a period were rated 1, 2, 3, 4 and 5. */
public record RatingCounts(List<Long> byScore) {

  public RatingCounts {
    byScore = List.copyOf(byScore);
    if (byScore.size() != 5) {
      throw new IllegalArgumentException("one count for each score from 1 to 5");
    }
  }

  public long of(int score) {
    return byScore.get(score - 1);
  }
}
