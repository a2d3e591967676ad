package org.concierge.notify.api;

import org.concierge.chat.Rating;
import org.concierge.chat.api.ChatRequests;
import org.concierge.platform.FieldChecks;

/**
 * {@code POST /api/survey}: the rating a traveler gives from the link in their closed chat's email.
 *
 * @param token the survey token of the link
 */
public record SurveyAnswer(String token, Integer score, String comment) {

  Rating validate() {
    FieldChecks checks = new FieldChecks();
    checks.check(token != null && !token.isBlank(), "token", "is required");
    checks.check(score != null && score >= 1 && score <= 5, "score", "must be 1 to 5");
    String validComment = checks.text("comment", comment, 0, ChatRequests.COMMENT_MAX, false);
    checks.throwIfInvalid();
    return new Rating(score, validComment);
  }
}
