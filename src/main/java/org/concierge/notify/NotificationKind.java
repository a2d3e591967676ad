package org.concierge.notify;

import java.util.Locale;

/**
 * What a notification tells. Each kind has templates named after it for the channels it travels by:
 * {@code notify/<template>.html.peb} and {@code .txt.peb} for an email's two alternatives, {@code
 * .sms.peb} for a text message, {@code .push.peb} for a push's JSON payload.
 */
public enum NotificationKind {
  /** To the traveler: their chat is in the queue, with a link back to it. */
  CHAT_STARTED,
  /** To the traveler: an agent took their chat. */
  AGENT_ASSIGNED,
  /** To the traveler: the transcript of their closed chat and a link to rate it. */
  CHAT_CLOSED,
  /** To the traveler: an agent wrote and the traveler has not read it. */
  UNREAD_MESSAGE,
  /** To an agent: a chat is now theirs, by accepting it or by a transfer. */
  CHAT_ASSIGNED_TO_AGENT,
  /** To the admins: an agent escalated a chat. */
  CHAT_ESCALATED,
  /** To each person of an audience an admin chose: the admin's own subject and text. */
  BROADCAST;

  public String template() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Paced kinds come due at slots spaced by a configured rate, and give way to every other
   * notification that is due at the same time, so a broadcast of thousands never holds up the email
   * a chat's change just wrote.
   */
  public boolean paced() {
    return this == BROADCAST;
  }
}
