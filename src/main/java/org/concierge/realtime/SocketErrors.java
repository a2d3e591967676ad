package org.concierge.realtime;

import org.concierge.platform.Conflict;
import org.concierge.platform.DomainException;
import org.concierge.platform.Forbidden;
import org.concierge.platform.NotFound;
import org.concierge.platform.RateLimited;
import org.concierge.realtime.protocol.ClientFrame;
import org.concierge.realtime.protocol.ServerFrame;

/** The one mapping of domain refusals to the {@code error} frames of the protocol. */
final class SocketErrors {

  private SocketErrors() {}

  static ServerFrame.Error of(ClientFrame frame, DomainException refused) {
    return new ServerFrame.Error(code(frame, refused), refused.getMessage(), ref(frame));
  }

  /** A message to a chat the sender may not post in is {@code not_found}, whatever the reason. */
  private static String code(ClientFrame frame, DomainException refused) {
    if (refused instanceof NotFound
        || (refused instanceof Forbidden && frame instanceof ClientFrame.Send)) {
      return "not_found";
    }
    if (refused instanceof Forbidden) {
      return "forbidden";
    }
    if (refused instanceof Conflict) {
      return "conflict";
    }
    if (refused instanceof RateLimited) {
      return "rate_limited";
    }
    return "bad_request";
  }

  /** The frame's clientId, else its roomId. */
  static String ref(ClientFrame frame) {
    if (frame instanceof ClientFrame.Send send) {
      return send.clientId();
    }
    if (frame instanceof ClientFrame.Join join) {
      return join.roomId();
    }
    if (frame instanceof ClientFrame.Leave leave) {
      return leave.roomId();
    }
    if (frame instanceof ClientFrame.Typing typing) {
      return typing.roomId();
    }
    if (frame instanceof ClientFrame.Read read) {
      return read.roomId();
    }
    return null;
  }
}
