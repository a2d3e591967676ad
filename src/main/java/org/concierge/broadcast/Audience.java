package org.concierge.broadcast;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Priority;

/**
 * Who a broadcast goes to: the travelers who started a chat in {@code [from, to)} (optionally only
 * those chats now in one status or of one priority), every agent, or every admin.
 *
 * @param from for travelers only, the start of the period, included
 * @param to for travelers only, the end of the period, excluded
 * @param status for travelers only and optional: count only chats now in this status
 * @param priority for travelers only and optional: count only chats of this priority
 */
public record Audience(
    Group group, Instant from, Instant to, ChatStatus status, Priority priority) {

  /** The kinds of audience an admin may choose. */
  public enum Group {
    TRAVELERS,
    AGENTS,
    ADMINS;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Group> parse(String text) {
      for (Group group : values()) {
        if (group.wire().equals(text)) {
          return Optional.of(group);
        }
      }
      return Optional.empty();
    }

    public static Group fromWire(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  public static Audience travelers(Instant from, Instant to, ChatStatus status, Priority priority) {
    return new Audience(Group.TRAVELERS, from, to, status, priority);
  }

  /** Every agent or every admin. */
  public static Audience staff(Group group) {
    return new Audience(group, null, null, null, null);
  }
}
