package org.concierge.notify;

import java.util.Locale;
import java.util.Set;

/**
 * What a notification tells. Each kind has templates named after it for the channels it travels by:
 * {@code notify/<template>.html.peb} and {@code .txt.peb} for an email's two alternatives, {@code
 * .sms.peb} for a text message, {@code .push.peb} for a push's JSON payload.
 */
public enum NotificationKind {
  /** To the traveler: their chat is in the queue, with a link back to it. */
  CHAT_STARTED(Channel.EMAIL),
  /** To the traveler: an agent took their chat. */
  AGENT_ASSIGNED(Channel.EMAIL),
  /** To the traveler: the transcript of their closed chat and a link to rate it. */
  CHAT_CLOSED(Channel.EMAIL),
  /** To the traveler: an agent wrote and the traveler has not read it. */
  UNREAD_MESSAGE(Channel.EMAIL),
  /** To an agent: a chat is now theirs, by accepting it or by a transfer. */
  CHAT_ASSIGNED_TO_AGENT(Channel.EMAIL),
  /** To the admins: an agent escalated a chat. */
  CHAT_ESCALATED(Channel.EMAIL),
  /**
   * A text to the agents on duty (or the admins, when none is): a chat started or was raised to
   * high or urgent priority.
   */
  CHAT_PRIORITY_ALERT(Channel.SMS),
  /** A text to an agent: an urgent chat is now theirs, by accepting it or by a transfer. */
  CRITICAL_ASSIGNMENT(Channel.SMS),
  /** To the agents on duty, by push: an urgent chat waits in the queue. */
  URGENT_CHAT_WAITING(Channel.PUSH),
  /** To an agent without an open dashboard, by push: the traveler of their chat wrote. */
  TRAVELER_WROTE(Channel.PUSH),
  /** By SMS, to a person proving a number is theirs: the one-time code, sealed until sent. */
  PHONE_VERIFICATION(Channel.SMS),
  /** By SMS, for the travel company's booking system: a booking is confirmed. */
  BOOKING_CONFIRMED(Channel.SMS),
  /** By SMS, for the travel company's booking system: a trip departs soon. */
  TRIP_REMINDER(Channel.SMS),
  /** To each person of an audience an admin chose: the admin's own subject and text. */
  BROADCAST(Channel.EMAIL, Channel.SMS);

  private final Set<Channel> channels;

  NotificationKind(Channel... channels) {
    this.channels = Set.of(channels);
  }

  /** Whether this kind has the templates of {@code channel}. */
  public boolean travelsBy(Channel channel) {
    return channels.contains(channel);
  }

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
