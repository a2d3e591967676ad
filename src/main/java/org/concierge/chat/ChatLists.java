package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.QueuePosition;
import org.concierge.chat.store.TimePosition;
import org.concierge.identity.Caller;
import org.concierge.platform.Cursor;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Page;
import org.concierge.platform.PageRequest;

/** The lists of chats: a traveler's history, the queue, and an agent's active chats. */
@ApplicationScoped
public class ChatLists {

  private static final String CURSOR = "cursor";

  @Inject MongoChatRepository chats;
  @Inject MessageCounters counters;

  /** The caller's own chats, newest first. */
  public Page<Chat> history(Caller caller, PageRequest page) {
    List<Chat> found = chats.ofTraveler(caller.id(), timePosition(page), page.limit() + 1);
    return Page.of(found, page.limit(), counters::overlay, ChatLists::timeCursor);
  }

  /** Pending chats: urgent first, then high, normal, low; oldest first within a priority. */
  public Page<Chat> queue(Caller caller, PageRequest page) {
    requireStaff(caller);
    QueuePosition after = null;
    if (page.cursor() != null) {
      String[] parts = Cursor.decode(page.cursor(), 3, CURSOR);
      after =
          new QueuePosition(
              (int) Cursor.number(parts[0], CURSOR),
              new Date(Cursor.number(parts[1], CURSOR)),
              parts[2]);
    }
    List<Chat> found = chats.queue(after, page.limit() + 1);
    return Page.of(
        found,
        page.limit(),
        counters::overlay,
        c ->
            Cursor.encode(
                Integer.toString(c.priority().queueRank()),
                Long.toString(c.createdAt().toEpochMilli()),
                c.id()));
  }

  /** The active chats of an agent, oldest first: the caller's own, or anyone's for an admin. */
  public Page<Chat> assigned(Caller caller, String agentId, PageRequest page) {
    requireStaff(caller);
    String whose = agentId == null ? caller.id() : agentId;
    if (!whose.equals(caller.id()) && !caller.isAdmin()) {
      throw new Forbidden("Only admins may list another agent's chats.");
    }
    List<Chat> found = chats.activeOf(whose, timePosition(page), page.limit() + 1);
    return Page.of(found, page.limit(), counters::overlay, ChatLists::timeCursor);
  }

  private static TimePosition timePosition(PageRequest page) {
    if (page.cursor() == null) {
      return null;
    }
    String[] parts = Cursor.decode(page.cursor(), 2, CURSOR);
    return new TimePosition(new Date(Cursor.number(parts[0], CURSOR)), parts[1]);
  }

  private static String timeCursor(Chat chat) {
    return Cursor.encode(Long.toString(chat.createdAt().toEpochMilli()), chat.id());
  }

  private static void requireStaff(Caller caller) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins see the desk's chats.");
    }
  }
}
