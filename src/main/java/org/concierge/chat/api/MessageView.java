package org.concierge.chat.api;

import java.time.Instant;
import org.concierge.chat.Message;
import org.concierge.chat.Sender;

/** The {@code message} object of API.md. */
public record MessageView(
    String id,
    String roomId,
    long seq,
    String clientId,
    String type,
    Sender sender,
    String text,
    Instant sentAt) {

  public static MessageView of(Message message) {
    return new MessageView(
        message.id(),
        message.roomId(),
        message.seq(),
        message.clientId(),
        message.type().wire(),
        message.sender(),
        message.text(),
        message.sentAt());
  }
}
