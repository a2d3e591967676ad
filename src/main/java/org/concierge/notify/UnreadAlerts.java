package org.concierge.notify;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatEvent.MessagePosted;
import org.concierge.chat.Message;
import org.concierge.chat.MessageType;
import org.concierge.identity.Role;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Settings;

/**
 * Emails a traveler who has not read what the desk wrote to them. An agent's message queues an
 * alert due {@code CONCIERGE_UNREAD_ALERT_MINUTES} later; when it comes due the worker sends it
 * only if the traveler still has not read that message. One alert per unread stretch: the alert's
 * dedupe key is the traveler's read marker when the stretch began, so the agent's further messages
 * before the traveler reads add nothing, and reading starts a new stretch.
 */
@ApplicationScoped
public class UnreadAlerts {

  /** The seq of the message an alert tells of, in its data. */
  static final String SEQ = "messageSeq";

  /** The stretches this node has already queued an alert for. */
  private final Stretches queuedStretches = new Stretches();

  @Inject Outbox outbox;
  @Inject MongoUserRepository users;
  @Inject Settings settings;
  @Inject Clock clock;

  void posted(@Observes @Priority(ChatNotificationListener.AFTER_FANOUT) MessagePosted event) {
    Message message = event.message();
    if (message.type() == MessageType.TEXT && byStaff(message)) {
      Guarded.run("a message in chat " + event.chat().id(), () -> queue(event.chat(), message));
    }
  }

  private void queue(Chat chat, Message message) {
    long readUpTo = chat.readMarkers().getOrDefault(chat.traveler().id(), 0L);
    String stretch = "unread:" + chat.id() + ":" + readUpTo;
    if (!queuedStretches.first(stretch)) {
      return;
    }
    try {
      queueFor(chat, message, stretch);
    } catch (RuntimeException e) {
      queuedStretches.forget(stretch);
      throw e;
    }
  }

  private void queueFor(Chat chat, Message message, String stretch) {
    users
        .findById(chat.traveler().id())
        .ifPresent(
            traveler ->
                outbox.email(
                    traveler,
                    NotificationKind.UNREAD_MESSAGE,
                    message.sender().name() + " wrote to you",
                    chat.id(),
                    Map.of(SEQ, String.valueOf(message.seq()), "messageText", message.text()),
                    stretch,
                    clock.now().plus(settings.unreadAlertDelay())));
  }

  private static boolean byStaff(Message message) {
    return Role.AGENT.wire().equals(message.sender().role())
        || Role.ADMIN.wire().equals(message.sender().role());
  }
}
