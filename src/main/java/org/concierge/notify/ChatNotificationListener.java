package org.concierge.notify;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Optional;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatEvent.ChatAssigned;
import org.concierge.chat.ChatEvent.ChatClosed;
import org.concierge.chat.ChatEvent.ChatEscalated;
import org.concierge.chat.ChatEvent.ChatStarted;
import org.concierge.chat.ChatEvent.ChatTransferred;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.Settings;

/**
 * Decides who hears of a chat's changes by email and writes those emails to the outbox. It observes
 * synchronously, so a notification is stored before the change's caller gets an answer and no event
 * is lost to a crash; it only looks people up and inserts, and the sending happens later.
 */
@ApplicationScoped
public class ChatNotificationListener {

  /**
   * After the observers of the default priority, the sockets' fan-out among them, so that people
   * watching the chat are not kept waiting by the lookups and inserts of notifications.
   */
  public static final int AFTER_FANOUT = Interceptor.Priority.LIBRARY_AFTER;

  @Inject Outbox outbox;
  @Inject MongoUserRepository users;
  @Inject Settings settings;

  void started(@Observes @Priority(AFTER_FANOUT) ChatStarted event) {
    Guarded.run("the start of chat " + event.chat().id(), () -> queueStarted(event.chat()));
  }

  void assigned(@Observes @Priority(AFTER_FANOUT) ChatAssigned event) {
    Guarded.run("the assignment of chat " + event.chat().id(), () -> queueAssigned(event));
  }

  void transferred(@Observes @Priority(AFTER_FANOUT) ChatTransferred event) {
    Guarded.run("the transfer of chat " + event.chat().id(), () -> queueTransferred(event));
  }

  /**
   * Asynchronous, unlike the others: it writes one email per admin, too many writes to make while
   * the room's lock is held.
   */
  void escalated(@ObservesAsync ChatEscalated event) {
    Guarded.run("the escalation of chat " + event.chat().id(), () -> queueEscalated(event));
  }

  void closed(@Observes @Priority(AFTER_FANOUT) ChatClosed event) {
    Guarded.run("the closing of chat " + event.chat().id(), () -> queueClosed(event.chat()));
  }

  private void queueStarted(Chat chat) {
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    NotificationKind.CHAT_STARTED,
                    "We have your message: " + topic(chat),
                    chat.id(),
                    Map.of(),
                    "chat-started:" + chat.id()));
  }

  private void queueAssigned(ChatAssigned event) {
    Chat chat = event.chat();
    String agentId = event.agent().id();
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    NotificationKind.AGENT_ASSIGNED,
                    event.agent().name() + " is looking after your chat",
                    chat.id(),
                    Map.of(),
                    "agent-assigned:" + chat.id() + ":" + agentId));
    users
        .findById(agentId)
        .ifPresent(
            agent ->
                outbox.email(
                    agent,
                    NotificationKind.CHAT_ASSIGNED_TO_AGENT,
                    "New chat for you: " + topic(chat),
                    chat.id(),
                    Map.of("transferredBy", "", "note", ""),
                    "assigned-to-agent:" + chat.id() + ":" + agentId));
  }

  private void queueTransferred(ChatTransferred event) {
    Chat chat = event.chat();
    String from =
        users.findById(event.transfer().fromAgentId()).map(User::name).orElse("A colleague");
    String note = event.transfer().note() == null ? "" : event.transfer().note();
    users
        .findById(event.transfer().toAgentId())
        .ifPresent(
            agent ->
                outbox.email(
                    agent,
                    NotificationKind.CHAT_ASSIGNED_TO_AGENT,
                    "Chat transferred to you: " + topic(chat),
                    chat.id(),
                    Map.of("transferredBy", from, "note", note),
                    // The count of transfers tells a second hand-over to the same agent apart.
                    "transferred:" + chat.id() + ":" + chat.transfers().size() + ":" + agent.id()));
  }

  private void queueEscalated(ChatEscalated event) {
    Chat chat = event.chat();
    String reason = event.reason() == null ? "" : event.reason();
    for (String adminId : users.idsOf(Role.ADMIN)) {
      users
          .findById(adminId)
          .ifPresent(
              admin ->
                  outbox.email(
                      admin,
                      NotificationKind.CHAT_ESCALATED,
                      "Escalated: " + topic(chat),
                      chat.id(),
                      Map.of("reason", reason),
                      "escalated:" + chat.id() + ":" + admin.id()));
    }
  }

  private void queueClosed(Chat chat) {
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    NotificationKind.CHAT_CLOSED,
                    "Your chat with " + settings.companyName() + ": " + topic(chat),
                    chat.id(),
                    Map.of(),
                    "chat-closed:" + chat.id()));
  }

  private Optional<User> traveler(Chat chat) {
    return users.findById(chat.traveler().id());
  }

  private static String topic(Chat chat) {
    return chat.subject() == null || chat.subject().isBlank() ? "your question" : chat.subject();
  }
}
