package org.concierge.realtime.protocol;

/** A frame a client sends, decoded and checked by {@link FrameCodec}. */
public sealed interface ClientFrame {

  /** The first frame of every socket. */
  record Auth(String token) implements ClientFrame {}

  /** Start receiving a room's events, after replaying the messages with seq > afterSeq. */
  record Join(String roomId, long afterSeq) implements ClientFrame {}

  /** Stop receiving a room's events. */
  record Leave(String roomId) implements ClientFrame {}

  /** Post a message; {@code clientId} makes a resend harmless. */
  record Send(String roomId, String clientId, String text) implements ClientFrame {}

  /** The sender started or stopped typing. */
  record Typing(String roomId, boolean typing) implements ClientFrame {}

  /** The sender has read up to {@code seq}. */
  record Read(String roomId, long seq) implements ClientFrame {}

  /** Keep-alive. */
  record Ping() implements ClientFrame {}
}
