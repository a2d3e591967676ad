package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concierge.chat.Chat;
import org.concierge.chat.ChatStatus;
import org.concierge.chat.Message;
import org.concierge.chat.MessageType;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.MongoMessageRepository;
import org.concierge.platform.Settings;

/**
 * Turns an outbox entry into the email to send: the chat as it is stored now, the facts the entry
 * kept, the links, and the company's name, through the entry's templates.
 */
@ApplicationScoped
public class EmailComposer {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject MongoChatRepository chats;
  @Inject MongoMessageRepository messages;
  @Inject MailTemplates templates;
  @Inject Links links;
  @Inject SurveyTokens surveys;
  @Inject Settings settings;

  /** One line of a transcript as an email shows it. */
  public record TranscriptLine(String time, String sender, String text, boolean system) {}

  /**
   * The email, or empty when it is no longer needed: an unread alert whose message the traveler has
   * read meanwhile, or whose chat has closed (the closing email has the transcript).
   */
  public Optional<Email> compose(Notification notification) {
    Optional<Chat> chat =
        notification.roomId() == null ? Optional.empty() : chats.find(notification.roomId());
    if (notification.kind() == NotificationKind.UNREAD_MESSAGE
        && chat.map(c -> !stillUnread(c, notification)).orElse(true)) {
      return Optional.empty();
    }
    Map<String, Object> model = new HashMap<>(notification.data());
    model.put("company", settings.companyName());
    model.put("homeLink", links.home());
    model.put("subject", notification.subject());
    chat.ifPresent(c -> describe(c, notification, model));
    MailTemplates.Bodies bodies = templates.render(notification.kind(), model);
    return Optional.of(
        new Email(
            notification.id(),
            notification.address(),
            notification.subject(),
            bodies.text(),
            bodies.html()));
  }

  private static boolean stillUnread(Chat chat, Notification alert) {
    long seq = Long.parseLong(alert.data().get(UnreadAlerts.SEQ));
    return chat.status() != ChatStatus.CLOSED
        && chat.readMarkers().getOrDefault(chat.traveler().id(), 0L) < seq;
  }

  private void describe(Chat chat, Notification notification, Map<String, Object> model) {
    model.put("chatSubject", chat.subject() == null ? "" : chat.subject());
    model.put("travelerName", chat.traveler().name());
    model.put("agentName", chat.agent() == null ? "" : chat.agent().name());
    model.put("chatLink", links.chat(chat.id()));
    model.put("deskLink", links.desk(chat.id()));
    model.put("priority", chat.priority().wire());
    if (notification.kind() == NotificationKind.CHAT_CLOSED) {
      model.put("transcript", transcript(chat));
      model.put(
          "surveyLink",
          links.survey(
              surveys.issue(
                  new SurveyTokens.Survey(
                      chat.id(), chat.traveler().id(), chat.traveler().name()))));
    }
  }

  private List<TranscriptLine> transcript(Chat chat) {
    return messages.range(chat.id(), 0, chat.lastSeq()).stream().map(EmailComposer::line).toList();
  }

  private static TranscriptLine line(Message message) {
    return new TranscriptLine(
        TIME.format(message.sentAt()),
        message.sender().name(),
        message.text(),
        message.type() == MessageType.SYSTEM);
  }
}
