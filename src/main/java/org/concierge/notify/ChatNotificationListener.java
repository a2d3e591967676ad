package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

  @Inject Outbox outbox;
  @Inject MongoUserRepository users;
  @Inject Settings settings;

  void started(@Observes ChatStarted event) {
    Chat chat = event.chat();
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    EmailKind.CHAT_STARTED,
                    "We have your message: " + topic(chat),
                    chat.id(),
                    Map.of(),
                    "chat-started:" + chat.id()));
  }

  void assigned(@Observes ChatAssigned event) {
    Chat chat = event.chat();
    String agentId = event.agent().id();
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    EmailKind.AGENT_ASSIGNED,
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
                    EmailKind.CHAT_ASSIGNED_TO_AGENT,
                    "New chat for you: " + topic(chat),
                    chat.id(),
                    Map.of("transferredBy", "", "note", ""),
                    "assigned-to-agent:" + chat.id() + ":" + agentId));
  }

  void transferred(@Observes ChatTransferred event) {
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
                    EmailKind.CHAT_ASSIGNED_TO_AGENT,
                    "Chat transferred to you: " + topic(chat),
                    chat.id(),
                    Map.of("transferredBy", from, "note", note),
                    "transferred:" + chat.id() + ":" + chat.transfers().size() + ":" + agent.id()));
  }

  void escalated(@Observes ChatEscalated event) {
    Chat chat = event.chat();
    String reason = event.reason() == null ? "" : event.reason();
    for (String adminId : users.idsOf(Role.ADMIN)) {
      users
          .findById(adminId)
          .ifPresent(
              admin ->
                  outbox.email(
                      admin,
                      EmailKind.CHAT_ESCALATED,
                      "Escalated: " + topic(chat),
                      chat.id(),
                      Map.of("reason", reason),
                      "escalated:" + chat.id() + ":" + admin.id()));
    }
  }

  void closed(@Observes ChatClosed event) {
    Chat chat = event.chat();
    traveler(chat)
        .ifPresent(
            t ->
                outbox.email(
                    t,
                    EmailKind.CHAT_CLOSED,
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
