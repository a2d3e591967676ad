package org.concierge.realtime.protocol;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import org.concierge.chat.api.ChatView;
import org.concierge.chat.api.MessageView;
import org.concierge.identity.api.UserView;

/**
 * A frame the server sends. Each knows its {@code type}, which {@link FrameSerializer} writes
 * first, then the record's components.
 */
public sealed interface ServerFrame {

  String type();

  /** The socket is authenticated. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Ready(UserView user) implements ServerFrame {
    public String type() {
      return "ready";
    }
  }

  /** The socket joined a room; replayed messages follow. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Joined(String roomId, ChatView chat) implements ServerFrame {
    public String type() {
      return "joined";
    }
  }

  /** A stored message of a joined room. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Message(MessageView message) implements ServerFrame {
    public String type() {
      return "message";
    }
  }

  /** The sender's message is stored with this id and seq. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Ack(String clientId, String id, long seq) implements ServerFrame {
    public String type() {
      return "ack";
    }
  }

  /** Someone in the room started or stopped typing. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Typing(String roomId, Typist user, boolean typing) implements ServerFrame {
    public String type() {
      return "typing";
    }
  }

  /** Who is typing. */
  record Typist(String id, String name, String role) {}

  /** A member of the room has read up to {@code seq}. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Read(String roomId, String userId, long seq) implements ServerFrame {
    public String type() {
      return "read";
    }
  }

  /** Answer to a ping. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Pong() implements ServerFrame {
    public String type() {
      return "pong";
    }
  }

  /** A joined chat changed. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Chat(ChatView chat) implements ServerFrame {
    public String type() {
      return "chat";
    }
  }

  /** A pending chat entered, changed in or left the queue; sent to agents and admins. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Queue(String event, ChatView chat) implements ServerFrame {
    public String type() {
      return "queue";
    }
  }

  /** An agent's status changed; sent to agents and admins. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Presence(String userId, String status) implements ServerFrame {
    public String type() {
      return "presence";
    }
  }

  /** A refused frame; the socket stays open. */
  @JsonbTypeSerializer(FrameSerializer.class)
  record Error(String code, String message, String ref) implements ServerFrame {
    public String type() {
      return "error";
    }
  }
}
