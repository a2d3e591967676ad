package org.concierge.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatEvent;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.api.ChatView;
import org.concierge.chat.api.MessageView;
import org.concierge.identity.AgentStatusChanged;
import org.concierge.realtime.protocol.FrameCodec;
import org.concierge.realtime.protocol.ServerFrame;

/**
 * Turns the chat core's events into frames for sockets: messages, chat changes and read markers to
 * the room, the queue and presence to every agent and admin. It observes synchronously, inside the
 * change's room lock, so a room's frames go out in the order their changes were stored; it only
 * encodes and queues, never waits on a socket.
 */
@ApplicationScoped
public class Broadcaster {

  @Inject ClusterBus bus;
  @Inject FrameCodec codec;

  void onChatEvent(@Observes ChatEvent event) {
    Chat chat = event.chat();
    if (event instanceof ChatEvent.MessagePosted posted) {
      room(chat, new ServerFrame.Message(MessageView.of(posted.message())), posted.message().seq());
    } else if (event instanceof ChatEvent.MessagesRead read) {
      bus.publish(
          new Fanout(
              Fanout.Audience.ROOM,
              chat.id(),
              read.userId(),
              0,
              codec.encode(new ServerFrame.Read(chat.id(), read.userId(), read.seq()))));
    } else if (event instanceof ChatEvent.ChatStarted) {
      queue("added", chat);
    } else {
      // A change may narrow who sees the chat (accepted, transferred): its frame says so.
      bus.publish(
          new Fanout(
              Fanout.Audience.ROOM,
              chat.id(),
              null,
              null,
              0,
              codec.encode(new ServerFrame.Chat(ChatView.of(chat))),
              RoomAccess.of(chat)));
      queueChange(event, chat);
      if (event instanceof ChatEvent.ChatAssigned || event instanceof ChatEvent.ChatTransferred) {
        bus.publish(
            Fanout.toStaffMember(
                chat.agent().id(), codec.encode(new ServerFrame.Assigned(ChatView.of(chat)))));
      }
    }
  }

  void onStatus(@Observes AgentStatusChanged change) {
    bus.publish(
        new Fanout(
            Fanout.Audience.STAFF,
            null,
            null,
            0,
            codec.encode(new ServerFrame.Presence(change.userId(), change.status().wire()))));
  }

  /** How a change after the start moves the chat in the queue, if at all. */
  private void queueChange(ChatEvent event, Chat chat) {
    boolean leftQueue =
        event instanceof ChatEvent.ChatAssigned
            || (event instanceof ChatEvent.ChatClosed && chat.agent() == null);
    if (leftQueue) {
      queue("removed", chat);
    } else if (chat.status() == ChatStatus.PENDING) {
      queue("updated", chat);
    }
  }

  private void room(Chat chat, ServerFrame frame, long seq) {
    bus.publish(new Fanout(Fanout.Audience.ROOM, chat.id(), null, seq, codec.encode(frame)));
  }

  private void queue(String event, Chat chat) {
    bus.publish(
        new Fanout(
            Fanout.Audience.STAFF,
            null,
            null,
            0,
            codec.encode(new ServerFrame.Queue(event, ChatView.of(chat)))));
  }
}
