package org.concierge.notify.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Message;
import org.concierge.chat.MessageType;
import org.concierge.chat.Priority;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.MongoMessageRepository;
import org.concierge.notify.Links;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;

/**
 * Turns an outbox entry into the push to send, from the chat as it is stored now: a push that has
 * become pointless by then (the urgent chat was taken, the agent read the message) is not sent.
 */
@ApplicationScoped
public class PushComposer {

  /** The seq and text of the message a push tells of, in the outbox entry's data. */
  public static final String SEQ = "messageSeq";

  public static final String TEXT = "messageText";

  /** Long enough to tell what a message is about on a lock screen, short enough to fit one. */
  static final int PREVIEW_LENGTH = 140;

  /** What RFC 8030 allows as a push's topic, which replaces an older push of the same chat. */
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  @Inject MongoChatRepository chats;
  @Inject MongoMessageRepository messages;
  @Inject PushTemplates templates;
  @Inject Links links;

  /** What to push, or why nothing is to be pushed any more. */
  public sealed interface Composition {

    /** The payload, whether the chat is urgent (for the push's urgency), and its topic. */
    record Ready(JsonObject payload, boolean urgent, String topic) implements Composition {}

    record Stale(String reason) implements Composition {}
  }

  public Composition compose(Notification notification) {
    Optional<Chat> found = chats.find(notification.roomId());
    if (found.isEmpty()) {
      return new Composition.Stale("The chat no longer exists.");
    }
    Chat chat = found.get();
    Optional<String> stale = staleness(notification, chat);
    if (stale.isPresent()) {
      return new Composition.Stale(stale.get());
    }
    Map<String, Object> model = new HashMap<>();
    model.put("roomId", chat.id());
    model.put(
        "chatSubject",
        chat.subject() == null || chat.subject().isBlank() ? "No subject" : chat.subject());
    model.put("travelerName", chat.traveler().name());
    model.put("deskLink", links.desk(chat.id()));
    model.put("preview", preview(previewed(notification, chat)));
    return new Composition.Ready(
        templates.render(notification.kind(), model),
        chat.priority() == Priority.URGENT,
        TOPIC.matcher(chat.id()).matches() ? chat.id() : null);
  }

  /** Why a push of this entry is pointless now that the chat is as it is; empty while it is not. */
  static Optional<String> staleness(Notification notification, Chat chat) {
    if (notification.kind() == NotificationKind.URGENT_CHAT_WAITING) {
      return chat.status() == ChatStatus.PENDING
          ? Optional.empty()
          : Optional.of("The chat was taken before the push went out.");
    }
    String agentId = notification.recipientId();
    if (chat.status() != ChatStatus.ACTIVE
        || chat.agent() == null
        || !chat.agent().id().equals(agentId)) {
      return Optional.of("The chat is no longer this agent's open chat.");
    }
    long seq = Long.parseLong(notification.data().getOrDefault(SEQ, "0"));
    return chat.readMarkers().getOrDefault(agentId, 0L) >= seq
        ? Optional.of("The agent read the message before the push went out.")
        : Optional.empty();
  }

  private String previewed(Notification notification, Chat chat) {
    if (notification.data().containsKey(TEXT)) {
      return notification.data().get(TEXT);
    }
    return messages.range(chat.id(), 0, 1).stream()
        .filter(m -> m.type() == MessageType.TEXT)
        .map(Message::text)
        .findFirst()
        .orElse("");
  }

  /** The text on one line, cut after {@link #PREVIEW_LENGTH} characters (code points). */
  static String preview(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.codePointCount(0, oneLine.length()) <= PREVIEW_LENGTH) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, PREVIEW_LENGTH - 1)).strip() + "…";
  }

  /** The data an outbox entry keeps about the message it tells of. */
  static Map<String, String> messageData(long seq, String text) {
    return Map.of(SEQ, String.valueOf(seq), TEXT, text);
  }
}
