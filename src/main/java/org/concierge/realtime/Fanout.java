package org.concierge.realtime;

import java.io.Serializable;

/**
 * One encoded frame on its way to sockets, on this node and, through the {@link ClusterBus}, on
 * every other: to the sockets joined to a room, or to every agent's and admin's socket.
 *
 * @param roomId the room, for {@link Audience#ROOM}; else null
 * @param exceptUserId a user whose sockets are left out (the typist, the reader), or null
 * @param messageSeq the seq of the message a {@code message} frame carries, 0 for other frames; a
 *     socket never receives the same seq twice
 * @param text the frame, encoded once for all its recipients
 */
public record Fanout(
    Audience audience, String roomId, String exceptUserId, long messageSeq, String text)
    implements Serializable {

  /** Who receives a fan-out. */
  public enum Audience {
    ROOM,
    STAFF
  }
}
