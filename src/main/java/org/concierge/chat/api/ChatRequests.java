package org.concierge.chat.api;

import org.concierge.chat.NewChat;
import org.concierge.chat.Priority;
import org.concierge.chat.Rating;
import org.concierge.platform.FieldChecks;
import org.concierge.platform.OptionalBody;

/** The bodies of the chat endpoints, and the limits of API.md they are checked against. */
public final class ChatRequests {

  public static final int TEXT_MAX = 4_000;
  public static final int SUBJECT_MAX = 200;
  public static final int COMMENT_MAX = 1_000;
  public static final int NOTE_MAX = 1_000;
  public static final int DEPARTMENT_MAX = 100;
  public static final int CLIENT_ID_MAX = 64;

  private ChatRequests() {}

  /** {@code POST /api/chat/start}. */
  public record Start(String subject, String message, String priority, String department) {

    NewChat validate() {
      FieldChecks checks = new FieldChecks();
      String validSubject = checks.text("subject", subject, 0, SUBJECT_MAX, false);
      String validMessage = checks.text("message", message, 1, TEXT_MAX, false);
      Priority validPriority = priority == null ? Priority.NORMAL : parsePriority(checks, priority);
      String validDepartment = checks.text("department", department, 0, DEPARTMENT_MAX, false);
      checks.throwIfInvalid();
      return new NewChat(validSubject, validMessage, validPriority, validDepartment);
    }
  }

  /** {@code POST /api/chat/{roomId}/messages}. */
  public record Post(String clientId, String text) {

    /** The text to store, stripped; checks the clientId too. */
    String validate() {
      FieldChecks checks = new FieldChecks();
      checks.check(
          clientId != null && !clientId.isEmpty() && clientId.length() <= CLIENT_ID_MAX,
          "clientId",
          "is required, 1 to 64 characters");
      String valid = checks.text("text", text, 1, TEXT_MAX, true);
      checks.throwIfInvalid();
      return valid;
    }
  }

  /** {@code PUT /api/chat/{roomId}/priority}. */
  public record ChangePriority(String priority) {

    Priority validate() {
      FieldChecks checks = new FieldChecks();
      Priority valid = parsePriority(checks, priority);
      checks.throwIfInvalid();
      return valid;
    }
  }

  /** {@code POST /api/chat/{roomId}/transfer}. */
  public record Transfer(String agentId, String note) {}

  /** {@code POST /api/chat/{roomId}/escalate} and {@code /close}. */
  public record Reason(String reason) {

    /** The reason in an optional body; no body at all is no reason. */
    static String of(String body) {
      Reason parsed = OptionalBody.parse(body, Reason.class);
      FieldChecks checks = new FieldChecks();
      String valid =
          checks.text("reason", parsed == null ? null : parsed.reason(), 0, NOTE_MAX, false);
      checks.throwIfInvalid();
      return valid;
    }
  }

  /** {@code POST /api/chat/{roomId}/rating}. */
  public record Rate(Integer score, String comment) {

    Rating validate() {
      FieldChecks checks = new FieldChecks();
      checks.check(score != null && score >= 1 && score <= 5, "score", "must be 1 to 5");
      String validComment = checks.text("comment", comment, 0, COMMENT_MAX, false);
      checks.throwIfInvalid();
      return new Rating(score, validComment);
    }
  }

  private static Priority parsePriority(FieldChecks checks, String text) {
    return Priority.parse(text)
        .orElseGet(
            () -> {
              checks.add("priority", "must be low, normal, high or urgent");
              return null;
            });
  }
}
