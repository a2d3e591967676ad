package org.concierge.chat;

import java.time.Instant;

/**
 * One message of a chat. {@code seq} numbers a chat's messages 1, 2, 3... with no gaps and no
 * repeats; {@code clientId}, chosen by the sender, makes a resent message harmless.
 */
public record Message(
    String id,
    String roomId,
    long seq,
    String clientId,
    MessageType type,
    Sender sender,
    String text,
    Instant sentAt) {}
