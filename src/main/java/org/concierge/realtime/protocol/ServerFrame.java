package org.concierge.realtime.protocol;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.util.Locale;
import org.concierge.chat.api.ChatView;
import org.concierge.chat.api.MessageView;
import org.concierge.identity.api.UserView;

/**
 * A frame the server sends: {@link FrameSerializer} writes its {@code type} first, then the
 * record's components.
 */
public sealed interface ServerFrame {

  /** The frame's {@code type}: its record's name in lower case ({@code Ack} is "ack"). */
  default String type() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** The socket is authenticated. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Ready(UserView user) implements ServerFrame {}

  /** The socket joined a room; replayed messages follow. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Joined(String roomId, ChatView chat) implements ServerFrame {}

  /** A stored message of a joined room. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Message(MessageView message) implements ServerFrame {}

  /** The sender's message is stored with this id and seq. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Ack(String clientId, String id, long seq) implements ServerFrame {}

  /** Someone in the room started or stopped typing. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Typing(String roomId, Typist user, boolean typing) implements ServerFrame {}

  /** Who is typing. */
  record Typist(String id, String name, String role) {}

  /** A member of the room has read up to {@code seq}. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Read(String roomId, String userId, long seq) implements ServerFrame {}

  /** Answer to a ping. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Pong() implements ServerFrame {}

  /** A joined chat changed. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Chat(ChatView chat) implements ServerFrame {}

  /** A pending chat entered, changed in or left the queue; sent to agents and admins. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Queue(String event, ChatView chat) implements ServerFrame {}

  /** An agent's status changed; sent to agents and admins. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Presence(String userId, String status) implements ServerFrame {}

  /** A chat was just given to this socket's agent, who accepted it or had it transferred. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Assigned(ChatView chat) implements ServerFrame {}

  /** A refused frame; the socket stays open. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Error(String code, String message, String ref) implements ServerFrame {}
}
