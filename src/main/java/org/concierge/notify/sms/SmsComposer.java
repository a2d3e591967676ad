package org.concierge.notify.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.notify.Links;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;
import org.concierge.platform.Settings;

/**
 * Turns an outbox entry into the text to send, the way emails are composed: the facts the entry
 * kept, the company's name, links built from {@code CONCIERGE_PUBLIC_URL}, and the chat as it is
 * stored now, through the kind's SMS template.
 */
@ApplicationScoped
public class SmsComposer {

  /** Texts that call staff to a chat: pointless once the chat is closed. */
  private static final Set<NotificationKind> CALLS_TO_A_CHAT =
      EnumSet.of(NotificationKind.CHAT_PRIORITY_ALERT, NotificationKind.CRITICAL_ASSIGNMENT);

  @Inject MongoChatRepository chats;
  @Inject SmsTemplates templates;
  @Inject Links links;
  @Inject Settings settings;

  /** The text, or empty when it is no longer needed (the chat it calls staff to has closed). */
  public Optional<String> compose(Notification notification) {
    Optional<Chat> chat =
        notification.roomId() == null ? Optional.empty() : chats.find(notification.roomId());
    if (CALLS_TO_A_CHAT.contains(notification.kind())
        && chat.map(c -> c.status() == ChatStatus.CLOSED).orElse(true)) {
      return Optional.empty();
    }
    Map<String, Object> model = new HashMap<>(notification.data());
    model.put("company", settings.companyName());
    model.put("homeLink", links.home());
    chat.ifPresent(c -> describe(c, model));
    return Optional.of(templates.render(notification.kind(), model));
  }

  private void describe(Chat chat, Map<String, Object> model) {
    model.put("chatSubject", chat.subject() == null ? "" : chat.subject());
    model.put("travelerName", chat.traveler().name());
    model.put("agentName", chat.agent() == null ? "" : chat.agent().name());
    model.put("chatLink", links.chat(chat.id()));
    model.put("deskLink", links.desk(chat.id()));
    model.put("priority", chat.priority().wire());
  }
}
