package org.concierge.broadcast.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.concierge.broadcast.Audience;
import org.concierge.broadcast.BroadcastService.Draft;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Priority;
import org.concierge.notify.Channel;
import org.concierge.platform.FieldChecks;

/**
 * {@code POST /api/admin/broadcasts} and its preview: the channel, the audience and, to send, the
 * message.
 *
 * @param channel {@code email} or {@code sms}
 * @param audience {@code travelers}, {@code agents} or {@code admins}
 * @param from travelers only: the start of the period their chats started in, included
 * @param to travelers only: the end of that period, excluded
 * @param status travelers only, optional: only chats now {@code pending}, {@code active} or {@code
 *     closed}
 * @param priority travelers only, optional: only chats of this priority
 * @param subject email only: 1 to 200 characters
 * @param text 1 to 10,000 characters for an email, 1 to 1,600 for a text message
 */
public record BroadcastRequest(
    String channel,
    String audience,
    String from,
    String to,
    String status,
    String priority,
    String subject,
    String text) {

  static final int SUBJECT_MAX = 200;
  static final int EMAIL_TEXT_MAX = 10_000;

  /** Twilio's limit for one message's body; longer ones are refused by the provider. */
  static final int SMS_TEXT_MAX = 1_600;

  /** The draft to send, or every problem with the request at once. */
  public Draft draft() {
    FieldChecks checks = new FieldChecks();
    Channel wanted = channel(checks);
    Audience who = audience(checks);
    String validSubject = null;
    String validText = null;
    if (wanted == Channel.EMAIL) {
      validSubject = checks.text("subject", subject, 1, SUBJECT_MAX, true);
      validText = checks.text("text", text, 1, EMAIL_TEXT_MAX, true);
    } else if (wanted == Channel.SMS) {
      checks.check(subject == null, "subject", "only emails have a subject");
      validText = checks.text("text", text, 1, SMS_TEXT_MAX, true);
    }
    checks.throwIfInvalid();
    return new Draft(wanted, who, validSubject, validText);
  }

  /** The channel and audience alone, for counting who a broadcast would reach. */
  public Draft preview() {
    FieldChecks checks = new FieldChecks();
    Channel wanted = channel(checks);
    Audience who = audience(checks);
    checks.throwIfInvalid();
    return new Draft(wanted, who, null, null);
  }

  private Channel channel(FieldChecks checks) {
    if ("email".equals(channel)) {
      return Channel.EMAIL;
    }
    if ("sms".equals(channel)) {
      return Channel.SMS;
    }
    checks.add("channel", "must be email or sms");
    return null;
  }

  private Audience audience(FieldChecks checks) {
    Optional<Audience.Group> group = Audience.Group.parse(audience);
    if (group.isEmpty()) {
      checks.add("audience", "must be travelers, agents or admins");
      return null;
    }
    if (group.get() != Audience.Group.TRAVELERS) {
      for (String[] member :
          new String[][] {{"from", from}, {"to", to}, {"status", status}, {"priority", priority}}) {
        checks.check(member[1] == null, member[0], "applies to the travelers audience only");
      }
      return Audience.staff(group.get());
    }
    Instant start = instant(checks, "from", from);
    Instant end = instant(checks, "to", to);
    if (start != null && end != null) {
      checks.check(start.isBefore(end), "from", "must be before to");
    }
    ChatStatus chatStatus = status(checks);
    Priority chatPriority = priority(checks);
    return Audience.travelers(start, end, chatStatus, chatPriority);
  }

  private static Instant instant(FieldChecks checks, String field, String text) {
    if (text == null || text.isBlank()) {
      checks.add(field, "is required for the travelers audience");
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      checks.add(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30.123Z");
      return null;
    }
  }

  private ChatStatus status(FieldChecks checks) {
    if (status == null) {
      return null;
    }
    for (ChatStatus candidate : ChatStatus.values()) {
      if (candidate.wire().equals(status)) {
        return candidate;
      }
    }
    checks.add("status", "must be pending, active or closed");
    return null;
  }

  private Priority priority(FieldChecks checks) {
    if (priority == null) {
      return null;
    }
    Optional<Priority> parsed = Priority.parse(priority);
    checks.check(parsed.isPresent(), "priority", "must be low, normal, high or urgent");
    return parsed.orElse(null);
  }
}
