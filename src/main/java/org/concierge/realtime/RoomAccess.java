package org.concierge.realtime;

import java.io.Serializable;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.identity.Caller;

/**
 * Who may see a chat after a change, in the few facts {@link Chat#visibleTo(Caller)} needs, small
 * enough to travel the cluster bus with a {@link Fanout}: its traveler, its agent (any agent while
 * it waits) and admins.
 */
public record RoomAccess(String travelerId, String agentId, ChatStatus status)
    implements Serializable {

  static RoomAccess of(Chat chat) {
    return new RoomAccess(
        chat.traveler().id(), chat.agent() == null ? null : chat.agent().id(), chat.status());
  }

  boolean admits(Caller caller) {
    return Chat.visibleTo(caller, travelerId, agentId, status);
  }
}
