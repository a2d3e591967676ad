package org.concierge.notify;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatEvent.ChatAssigned;
import org.concierge.chat.ChatEvent.ChatEscalated;
import org.concierge.chat.ChatEvent.ChatStarted;
import org.concierge.chat.ChatEvent.ChatTransferred;
import org.concierge.chat.ChatEvent.PriorityChanged;
import org.concierge.identity.AgentStatus;
import org.concierge.identity.Role;
import org.concierge.identity.User;
import org.concierge.identity.store.MongoUserRepository;
import org.concierge.platform.PhoneNumbers;

/**
 * Texts staff about chats that cannot wait. A chat that starts at high or urgent priority, or is
 * raised to one (by an agent or an escalation), texts every agent on duty (online, enabled, with a
 * phone number), or every admin with one when no one on duty can be texted. An urgent chat that
 * becomes an agent's, by accepting it or by a transfer, texts that agent.
 *
 * <p>Like the emails, the texts are written to the outbox synchronously after the sockets' fan-out,
 * so none is lost to a crash between the change and its notifications. An alert may go to many
 * people, and this runs under the room's lock: unlike the escalation emails (one write per admin,
 * asynchronous), the alert costs one query of the staff, one of their preferences and one write of
 * all its texts, whatever their number. That keeps the lock short and the alerts as durable as the
 * change; a desk with thousands of staff would want an index on status instead of reading them all.
 */
@ApplicationScoped
public class SmsAlerts {

  @Inject Outbox outbox;
  @Inject MongoUserRepository users;

  void started(@Observes @Priority(ChatNotificationListener.AFTER_FANOUT) ChatStarted event) {
    Guarded.run("the start of chat " + event.chat().id(), () -> alertIfPressing(event.chat()));
  }

  void prioritised(
      @Observes @Priority(ChatNotificationListener.AFTER_FANOUT) PriorityChanged event) {
    if (event.to().compareTo(event.from()) > 0) {
      Guarded.run("the priority of chat " + event.chat().id(), () -> alertIfPressing(event.chat()));
    }
  }

  void escalated(@Observes @Priority(ChatNotificationListener.AFTER_FANOUT) ChatEscalated event) {
    Guarded.run("the escalation of chat " + event.chat().id(), () -> alertIfPressing(event.chat()));
  }

  void assigned(@Observes @Priority(ChatNotificationListener.AFTER_FANOUT) ChatAssigned event) {
    Chat chat = event.chat();
    if (urgent(chat)) {
      Guarded.run(
          "the assignment of chat " + chat.id(),
          () ->
              critical(
                  chat,
                  event.agent().id(),
                  "",
                  "critical-assigned:" + chat.id() + ":" + event.agent().id()));
    }
  }

  void transferred(
      @Observes @Priority(ChatNotificationListener.AFTER_FANOUT) ChatTransferred event) {
    Chat chat = event.chat();
    if (urgent(chat)) {
      String to = event.transfer().toAgentId();
      Guarded.run(
          "the transfer of chat " + chat.id(),
          () ->
              critical(
                  chat,
                  to,
                  users.findById(event.transfer().fromAgentId()).map(User::name).orElse(""),
                  // The count of transfers tells a second hand-over to the same agent apart.
                  "critical-transferred:" + chat.id() + ":" + chat.transfers().size() + ":" + to));
    }
  }

  private void alertIfPressing(Chat chat) {
    org.concierge.chat.Priority priority = chat.priority();
    if (priority != org.concierge.chat.Priority.HIGH
        && priority != org.concierge.chat.Priority.URGENT) {
      return;
    }
    outbox.smsEach(
        onDutyOrAdmins(chat),
        NotificationKind.CHAT_PRIORITY_ALERT,
        chat.id(),
        Map.of("alertPriority", priority.wire()),
        // One alert per person and level: raised from high to urgent texts again, never twice.
        user -> "priority-alert:" + chat.id() + ":" + priority.wire() + ":" + user.id());
  }

  /**
   * The staff on duty who can be texted, or the admins who can be when none is; never the chat's
   * own agent, who is already on it.
   */
  private List<User> onDutyOrAdmins(Chat chat) {
    String own = chat.agent() == null ? null : chat.agent().id();
    List<User> textable =
        users.staff().stream()
            .filter(u -> !u.disabled() && PhoneNumbers.e164(u.phone()).isPresent())
            .filter(u -> !u.id().equals(own))
            .toList();
    List<User> onDuty = textable.stream().filter(u -> u.status() == AgentStatus.ONLINE).toList();
    return onDuty.isEmpty()
        ? textable.stream().filter(u -> u.role() == Role.ADMIN).toList()
        : onDuty;
  }

  private void critical(Chat chat, String agentId, String transferredBy, String dedupeKey) {
    users
        .findById(agentId)
        .ifPresent(
            agent ->
                outbox.smsEach(
                    List.of(agent),
                    NotificationKind.CRITICAL_ASSIGNMENT,
                    chat.id(),
                    Map.of("transferredBy", transferredBy),
                    user -> dedupeKey));
  }

  private static boolean urgent(Chat chat) {
    return chat.priority() == org.concierge.chat.Priority.URGENT;
  }
}
