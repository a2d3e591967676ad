package org.concierge.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.concierge.identity.Caller;

/**
 * One open socket and everything the server keeps for it: who it is, the rooms it joined, and its
 * outbound queue. Frames leave one at a time through the non-blocking sender, so a slow reader
 * never holds up the thread that fans out, nor other sockets; a socket whose queue overflows is
 * closed, and its client rejoins with its last seq and misses nothing.
 *
 * <p>The queue can be held while a request is answered, so that an answer (the ack, the joined
 * frame and its replay) goes out before frames that arrived meanwhile. Message frames carry their
 * seq, and a socket never receives a seq it already has in that room.
 */
final class SocketConnection {

  static final int MAX_QUEUED = 2_000;
  private static final Logger LOG = Logger.getLogger(SocketConnection.class.getName());

  /** A frame waiting to leave, with the room and seq of the message it carries, if any. */
  private record Outbound(String text, String roomId, long seq) {}

  private final Session session;
  private final Executor closer;
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  private final LinkedList<Outbound> queue = new LinkedList<>();
  private final Map<String, Long> delivered = new HashMap<>();
  private volatile Caller caller;
  private int holds;
  private boolean sending;
  private boolean pumping;
  private boolean closed;

  SocketConnection(Session session, Executor closer) {
    this.session = session;
    this.closer = closer;
  }

  String id() {
    return session.getId();
  }

  Caller caller() {
    return caller;
  }

  void authenticate(Caller authenticated) {
    caller = authenticated;
  }

  boolean authenticated() {
    return caller != null;
  }

  Set<String> rooms() {
    return rooms;
  }

  /** Queues a frame; an overflowing queue closes the socket. */
  synchronized void send(String text, String roomId, long seq) {
    if (closed) {
      return;
    }
    if (queue.size() >= MAX_QUEUED) {
      close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow; rejoin."));
      return;
    }
    queue.addLast(new Outbound(text, roomId, seq));
    pump();
  }

  void send(String text) {
    send(text, null, 0);
  }

  /** Holds the queue; frames queued from now on wait behind what {@link #release} inserts. */
  synchronized int hold() {
    holds++;
    return queue.size();
  }

  /** Puts frames at the position {@link #hold} returned, ahead of what came meanwhile; lets go. */
  synchronized void release(int position, List<String> first) {
    int at = Math.min(position, queue.size());
    for (String text : first) {
      queue.add(at++, new Outbound(text, null, 0));
    }
    holds--;
    pump();
  }

  /** Puts frames that carry messages of a room at the held position, in order, and lets go. */
  synchronized void releaseWithReplay(
      int position,
      String joined,
      List<Map.Entry<Long, String>> replay,
      String roomId,
      long after) {
    delivered.put(roomId, after);
    int at = Math.min(position, queue.size());
    queue.add(at++, new Outbound(joined, null, 0));
    for (Map.Entry<Long, String> message : replay) {
      queue.add(at++, new Outbound(message.getValue(), roomId, message.getKey()));
    }
    holds--;
    pump();
  }

  /** Closes the socket from another thread, so no caller blocks on a stuck connection. */
  synchronized void close(CloseReason reason) {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    closer.execute(
        () -> {
          try {
            session.close(reason);
          } catch (Exception e) {
            LOG.log(Level.FINE, "Closing socket " + session.getId(), e);
          }
        });
  }

  synchronized boolean isClosed() {
    return closed;
  }

  synchronized void markClosed() {
    closed = true;
    queue.clear();
  }

  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      while (!sending && holds == 0 && !closed && !queue.isEmpty()) {
        Outbound next = queue.removeFirst();
        if (next.roomId() != null && next.seq() > 0) {
          long last = delivered.getOrDefault(next.roomId(), 0L);
          if (next.seq() <= last) {
            continue;
          }
          delivered.put(next.roomId(), next.seq());
        }
        sending = true;
        session.getAsyncRemote().sendText(next.text(), this::sent);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Sending to socket " + session.getId(), e);
      close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Send failed."));
    } finally {
      pumping = false;
    }
  }

  private synchronized void sent(SendResult result) {
    sending = false;
    if (!result.isOK()) {
      close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Send failed."));
      return;
    }
    pump();
  }
}
