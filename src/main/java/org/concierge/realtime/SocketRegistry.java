package org.concierge.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's open sockets: by room for room events, and those of agents and admins for the queue
 * and presence. Delivery only queues frames on each socket, so it never waits for one; a change
 * that takes a caller's sight of a chat away also takes their sockets out of its room.
 */
@ApplicationScoped
public class SocketRegistry {

  private final Map<String, Set<SocketConnection>> rooms = new ConcurrentHashMap<>();
  private final Set<SocketConnection> staff = ConcurrentHashMap.newKeySet();

  void authenticated(SocketConnection connection) {
    if (connection.caller().servesChats()) {
      staff.add(connection);
    }
  }

  void join(String roomId, SocketConnection connection) {
    rooms.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    connection.rooms().add(roomId);
  }

  void leave(String roomId, SocketConnection connection) {
    connection.rooms().remove(roomId);
    rooms.computeIfPresent(
        roomId,
        (id, members) -> {
          members.remove(connection);
          return members.isEmpty() ? null : members;
        });
  }

  void closed(SocketConnection connection) {
    connection.markClosed();
    for (String roomId : Set.copyOf(connection.rooms())) {
      leave(roomId, connection);
    }
    staff.remove(connection);
  }

  /**
   * Whether this agent or admin has a socket open on this node, a dashboard that hears the desk
   * live. Sockets on other nodes of a cluster are not known here.
   */
  public boolean hasStaffSocket(String userId) {
    for (SocketConnection connection : staff) {
      if (userId.equals(connection.caller().id())) {
        return true;
      }
    }
    return false;
  }

  /** Closes every socket of this user that is joined to a room or serves chats. */
  void closeAllOf(String userId, CloseReason reason) {
    Set<SocketConnection> theirs = new HashSet<>();
    staff.forEach(connection -> addIfOf(userId, connection, theirs));
    rooms.values().forEach(members -> members.forEach(c -> addIfOf(userId, c, theirs)));
    theirs.forEach(connection -> connection.close(reason));
  }

  private static void addIfOf(
      String userId, SocketConnection connection, Set<SocketConnection> to) {
    if (userId.equals(connection.caller().id())) {
      to.add(connection);
    }
  }

  void deliver(Fanout fanout) {
    Set<SocketConnection> targets =
        fanout.audience() == Fanout.Audience.ROOM
            ? rooms.getOrDefault(fanout.roomId(), Set.of())
            : staff;
    for (SocketConnection connection : targets) {
      if (fanout.audience() == Fanout.Audience.USER
          && !fanout.userId().equals(connection.caller().id())) {
        continue;
      }
      if (fanout.exceptUserId() == null
          || !fanout.exceptUserId().equals(connection.caller().id())) {
        connection.send(fanout.text(), fanout.roomId(), fanout.messageSeq());
      }
      if (fanout.access() != null && !fanout.access().admits(connection.caller())) {
        // It may no longer see the chat: it hears of the change, and nothing after it.
        leave(fanout.roomId(), connection);
      }
    }
  }
}
