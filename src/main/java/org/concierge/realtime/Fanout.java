package org.concierge.realtime;

import java.io.Serializable;

/**
 * One encoded frame on its way to sockets, on this node and, through the {@link ClusterBus}, on
 * every other: to the sockets joined to a room, or to every agent's and admin's socket.
 *
 * @param roomId the room, for {@link Audience#ROOM}; else null
 * @param userId the user whose sockets receive it, for {@link Audience#USER}; else null
 * @param exceptUserId a user whose sockets are left out (the typist, the reader), or null
 * @param messageSeq the seq of the message a {@code message} frame carries, 0 for other frames; a
 *     socket never receives the same seq twice
 * @param text the frame, encoded once for all its recipients
 * @param access for a change of a chat, who may still see it: a socket of the room whose caller it
 *     does not admit gets this frame, then leaves the room (an agent who looked at a waiting chat
 *     that another agent accepted, the agent a chat was transferred away from); else null
 */
public record Fanout(
    Audience audience,
    String roomId,
    String userId,
    String exceptUserId,
    long messageSeq,
    String text,
    RoomAccess access)
    implements Serializable {

  /** A fan-out that changes nobody's right to the room. */
  public Fanout(
      Audience audience, String roomId, String exceptUserId, long messageSeq, String text) {
    this(audience, roomId, null, exceptUserId, messageSeq, text, null);
  }

  /** A frame for every socket of one agent. */
  public static Fanout toStaffMember(String userId, String text) {
    return new Fanout(Audience.USER, null, userId, null, 0, text, null);
  }

  /** Who receives a fan-out. */
  public enum Audience {
    ROOM,
    STAFF,
    USER
  }
}
