package org.concierge.notify.push;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatEvent.ChatStarted;
import org.concierge.chat.ChatEvent.MessagePosted;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Message;
import org.concierge.chat.MessageType;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.notify.ChatNotificationListener;
import org.concierge.notify.Guarded;
import org.concierge.notify.NotificationKind;
import org.concierge.notify.Outbox;
import org.concierge.notify.Stretches;
import org.concierge.realtime.SocketRegistry;

/**
 * Decides which agents' browsers hear of what by push, and writes one push per subscription to the
 * outbox:
 *
 * <ul>
 *   <li>a new urgent chat, to every agent and admin who is online or away;
 *   <li>a traveler's message, to the agent of the chat when no dashboard of theirs is open, once
 *       per unread stretch: the traveler's further messages before the agent reads add none.
 * </ul>
 */
@ApplicationScoped
public class PushAlerts {

  /** The unread stretches this node already pushed for. */
  private final Stretches pushedStretches = new Stretches();

  @Inject Outbox outbox;
  @Inject PushSubscriptions subscriptions;
  @Inject MongoUserRepository users;
  @Inject SocketRegistry sockets;

  /**
   * Asynchronous: it looks up every agent on duty and writes a push per browser, too much to do
   * while the room's lock is held.
   */
  void started(@ObservesAsync ChatStarted event) {
    if (event.chat().priority() == org.concierge.chat.Priority.URGENT) {
      Guarded.run("the urgent chat " + event.chat().id(), () -> queueUrgent(event.chat()));
    }
  }

  void posted(@Observes @Priority(ChatNotificationListener.AFTER_FANOUT) MessagePosted event) {
    Message message = event.message();
    Chat chat = event.chat();
    if (message.type() == MessageType.TEXT
        && Role.USER.wire().equals(message.sender().role())
        && chat.status() == ChatStatus.ACTIVE
        && chat.agent() != null) {
      Guarded.run("a message in chat " + chat.id(), () -> queueWrote(chat, message));
    }
  }

  private void queueUrgent(Chat chat) {
    Map<String, User> onDuty =
        users.staff().stream()
            .filter(u -> !u.disabled())
            .filter(u -> u.status() == AgentStatus.ONLINE || u.status() == AgentStatus.AWAY)
            .collect(Collectors.toMap(User::id, u -> u));
    for (PushSubscription subscription : subscriptions.ofUsers(onDuty.keySet())) {
      outbox.push(
          onDuty.get(subscription.userId()),
          subscription.id(),
          NotificationKind.URGENT_CHAT_WAITING,
          "Urgent chat: " + topic(chat),
          chat.id(),
          Map.of(),
          "push-urgent:" + chat.id() + ":" + subscription.id());
    }
  }

  private void queueWrote(Chat chat, Message message) {
    String agentId = chat.agent().id();
    // Only this node's sockets are known: in a cluster, an agent whose dashboard is connected to
    // another node is pushed to as well (the browser then shows the push beside the open page).
    if (sockets.hasStaffSocket(agentId)) {
      return;
    }
    long readUpTo = chat.readMarkers().getOrDefault(agentId, 0L);
    String stretch = "push-wrote:" + chat.id() + ":" + agentId + ":" + readUpTo;
    if (!pushedStretches.first(stretch)) {
      return;
    }
    try {
      users.findById(agentId).ifPresent(agent -> queueWrote(chat, message, agent, stretch));
    } catch (RuntimeException e) {
      pushedStretches.forget(stretch);
      throw e;
    }
  }

  private void queueWrote(Chat chat, Message message, User agent, String stretch) {
    List<PushSubscription> browsers = subscriptions.ofUsers(List.of(agent.id()));
    for (PushSubscription subscription : browsers) {
      outbox.push(
          agent,
          subscription.id(),
          NotificationKind.TRAVELER_WROTE,
          message.sender().name() + " wrote: " + topic(chat),
          chat.id(),
          PushComposer.messageData(message.seq(), message.text()),
          stretch + ":" + subscription.id());
    }
  }

  private static String topic(Chat chat) {
    return chat.subject() == null || chat.subject().isBlank() ? "No subject" : chat.subject();
  }
}
