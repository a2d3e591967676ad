package org.concierge.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatService;
import org.concierge.chat.Message;
import org.concierge.chat.api.ChatView;
import org.concierge.chat.api.MessageView;
import org.concierge.identity.Caller;
import org.concierge.identity.IdentityService;
import org.concierge.identity.TokenVerifier;
import org.concierge.identity.api.UserView;
import org.concierge.platform.Clock;
import org.concierge.platform.DomainException;
import org.concierge.platform.Settings;
import org.concierge.platform.SlidingWindowLimiter;
import org.concierge.realtime.protocol.BadFrame;
import org.concierge.realtime.protocol.ClientFrame;
import org.concierge.realtime.protocol.FrameCodec;
import org.concierge.realtime.protocol.ServerFrame;

/**
 * {@code /ws/chat}, as API.md's WebSocket section says: authenticate with the first frame, join
 * rooms with replay after the last seq seen, post messages (acked once stored), typing, read
 * markers and pings. Every frame is checked against the caller's rights in the chat core, and a
 * refused frame is answered with an {@code error} frame; the socket stays open.
 */
@ServerEndpoint(value = "/ws/chat", configurator = SocketHandshake.class)
public class ChatSocketEndpoint {

  static final int MAX_FRAME_BYTES = 64 * 1024;
  static final Duration AUTH_DEADLINE = Duration.ofSeconds(10);
  static final int MESSAGES_PER_ROOM = 20;
  static final Duration RATE_WINDOW = Duration.ofSeconds(10);
  private static final int REPLAY_PAGE = 100;
  private static final CloseReason.CloseCode UNAUTHENTICATED =
      CloseReason.CloseCodes.getCloseCode(4401);
  private static final CloseReason.CloseCode AUTH_TIMEOUT =
      CloseReason.CloseCodes.getCloseCode(4408);
  private static final CloseReason TOO_BIG =
      new CloseReason(CloseReason.CloseCodes.TOO_BIG, "A frame is at most 64 KiB.");
  private static final Logger LOG = Logger.getLogger(ChatSocketEndpoint.class.getName());

  @Inject SocketRegistry sockets;
  @Inject FrameCodec codec;
  @Inject TokenVerifier tokens;
  @Inject IdentityService identity;
  @Inject ChatService chats;
  @Inject ClusterBus bus;
  @Inject Clock clock;
  @Inject Settings settings;
  @Resource ManagedScheduledExecutorService scheduler;

  private final SlidingWindowLimiter rate = new SlidingWindowLimiter(RATE_WINDOW);
  private final StringBuilder incoming = new StringBuilder();
  private long incomingBytes;
  private SocketConnection connection;
  private ScheduledFuture<?> authDeadline;

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
    session.setMaxIdleTimeout(settings.socketIdleTimeout().toMillis());
    connection = new SocketConnection(session, scheduler);
    authDeadline =
        scheduler.schedule(
            () -> {
              if (!connection.authenticated()) {
                connection.close(new CloseReason(AUTH_TIMEOUT, "Authenticate within 10 seconds."));
              }
            },
            AUTH_DEADLINE.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * Takes a text frame in the pieces the container reads it in, so a frame over {@link
   * #MAX_FRAME_BYTES} closes the socket with 1009 as soon as it is known to be too big, without
   * ever being held whole. (Undertow 2.3 does not enforce the session's text buffer size itself.)
   */
  @OnMessage
  public void message(String part, boolean last) {
    if (connection.isClosed()) {
      return;
    }
    incomingBytes += utf8Length(part);
    if (incomingBytes > MAX_FRAME_BYTES) {
      incoming.setLength(0);
      connection.close(TOO_BIG);
      return;
    }
    incoming.append(part);
    if (last) {
      String text = incoming.toString();
      incoming.setLength(0);
      incomingBytes = 0;
      frame(text);
    }
  }

  private void frame(String text) {
    ClientFrame frame;
    try {
      frame = codec.decode(text);
    } catch (BadFrame bad) {
      if (connection.authenticated()) {
        send(bad.toFrame());
      } else {
        connection.close(new CloseReason(UNAUTHENTICATED, "Authenticate first."));
      }
      return;
    }
    if (!connection.authenticated()) {
      authenticate(frame);
      return;
    }
    try {
      handle(frame, connection.caller());
    } catch (BadFrame bad) {
      send(bad.toFrame());
    } catch (DomainException refused) {
      send(SocketErrors.of(frame, refused));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A frame could not be handled", e);
      send(
          new ServerFrame.Error(
              "bad_request", "This frame could not be handled.", SocketErrors.ref(frame)));
    }
  }

  @OnClose
  public void close(Session session) {
    if (authDeadline != null) {
      authDeadline.cancel(false);
    }
    if (connection != null) {
      sockets.closed(connection);
    }
  }

  @OnError
  public void error(Session session, Throwable error) {
    LOG.log(Level.FINE, "Socket " + session.getId() + " failed", error);
  }

  private void authenticate(ClientFrame frame) {
    Caller caller =
        frame instanceof ClientFrame.Auth auth ? tokens.verify(auth.token()).orElse(null) : null;
    if (caller == null) {
      connection.close(new CloseReason(UNAUTHENTICATED, "A valid token is required."));
      return;
    }
    connection.authenticate(caller);
    authDeadline.cancel(false);
    sockets.authenticated(connection);
    send(new ServerFrame.Ready(UserView.of(identity.me(caller))));
  }

  private void handle(ClientFrame frame, Caller caller) {
    if (frame instanceof ClientFrame.Join join) {
      join(caller, join);
    } else if (frame instanceof ClientFrame.Leave leave) {
      sockets.leave(leave.roomId(), connection);
    } else if (frame instanceof ClientFrame.Send message) {
      post(caller, message);
    } else if (frame instanceof ClientFrame.Typing typing) {
      typing(caller, typing);
    } else if (frame instanceof ClientFrame.Read read) {
      chats.markRead(caller, read.roomId(), read.seq());
    } else if (frame instanceof ClientFrame.Ping) {
      send(new ServerFrame.Pong());
    } else {
      throw new BadFrame("bad_request", "This socket is already authenticated.", null);
    }
  }

  /**
   * Joins first, then reads the chat, so every message stored from then on is either replayed or
   * delivered live; the connection drops a seq it has already sent.
   */
  private void join(Caller caller, ClientFrame.Join join) {
    chats.get(caller, join.roomId());
    int position = connection.hold();
    boolean released = false;
    try {
      sockets.join(join.roomId(), connection);
      Chat chat = chats.get(caller, join.roomId());
      List<Map.Entry<Long, String>> replay = new ArrayList<>();
      long newest = chat.lastSeq();
      long after = Math.min(join.afterSeq(), newest);
      List<Message> page;
      // Read on until no message follows, rather than up to lastSeq, which may lag the messages.
      do {
        page = chats.messages(caller, join.roomId(), after, REPLAY_PAGE);
        for (Message message : page) {
          replay.add(
              Map.entry(
                  message.seq(), codec.encode(new ServerFrame.Message(MessageView.of(message)))));
          after = message.seq();
          newest = Math.max(newest, after);
        }
      } while (page.size() == REPLAY_PAGE);
      String joined = codec.encode(new ServerFrame.Joined(join.roomId(), ChatView.of(chat)));
      // A client cannot have seen beyond the last message; later ones must still reach it.
      long seen = Math.min(join.afterSeq(), newest);
      connection.releaseWithReplay(position, joined, replay, join.roomId(), seen);
      released = true;
    } finally {
      if (!released) {
        sockets.leave(join.roomId(), connection);
        connection.release(position, List.of());
      }
    }
  }

  private void post(Caller caller, ClientFrame.Send message) {
    if (rate.blockedFor(message.roomId(), MESSAGES_PER_ROOM, clock.now()).isPresent()) {
      send(
          new ServerFrame.Error(
              "rate_limited", "At most 20 messages per room in 10 seconds.", message.clientId()));
      return;
    }
    rate.record(message.roomId(), clock.now());
    int position = connection.hold();
    List<String> answer = new ArrayList<>();
    try {
      ChatService.Posted posted =
          chats.post(caller, message.roomId(), message.clientId(), message.text());
      answer.add(
          codec.encode(
              new ServerFrame.Ack(
                  message.clientId(), posted.message().id(), posted.message().seq())));
    } catch (DomainException refused) {
      answer.add(codec.encode(SocketErrors.of(message, refused)));
    } finally {
      connection.release(position, answer);
    }
  }

  private void typing(Caller caller, ClientFrame.Typing typing) {
    if (!connection.rooms().contains(typing.roomId())) {
      throw new BadFrame("not_found", "Join the room first.", typing.roomId());
    }
    ServerFrame frame =
        new ServerFrame.Typing(
            typing.roomId(),
            new ServerFrame.Typist(caller.id(), caller.name(), caller.role().wire()),
            typing.typing());
    bus.publish(
        new Fanout(Fanout.Audience.ROOM, typing.roomId(), caller.id(), 0, codec.encode(frame)));
  }

  private void send(ServerFrame frame) {
    connection.send(codec.encode(frame));
  }

  /** How many bytes {@code text} takes in UTF-8, as it travelled. */
  static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
