package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.MongoMessageRepository;
import org.concierge.chat.store.MongoMessageRepository.Insert;
import org.concierge.platform.Clock;
import org.concierge.platform.Store;

/**
 * Appends messages to a room with the next seq. The seq comes from the chat's {@code lastSeq}; if
 * another writer (on another node) took it first, the unique index refuses the insert and the
 * append retries after the highest stored seq, so seq stays gap-free with no transaction. A message
 * is durable before the append returns, so whoever is told it is stored can rely on it; the chat's
 * counters follow it through {@link MessageCounters}.
 */
@ApplicationScoped
class MessageAppender {

  private static final int ATTEMPTS = 50;

  @Inject MongoMessageRepository messages;
  @Inject MongoChatRepository chats;
  @Inject MessageCounters counters;
  @Inject Clock clock;
  @Inject Store store;

  /** The stored message, or the first one with the same clientId, and the chat after it. */
  record Appended(Message message, Chat chat, boolean stored) {}

  Appended append(Chat chat, Sender sender, MessageType type, String clientId, String text) {
    long seq = counters.overlay(chat).lastSeq() + 1;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Message message =
          new Message(
              MongoMessageRepository.id(chat.id(), seq),
              chat.id(),
              seq,
              clientId,
              type,
              sender,
              text,
              clock.now());
      Insert result = messages.insert(message);
      if (result instanceof Insert.Stored) {
        Chat after = chat.withMessage(message);
        if (type == MessageType.SYSTEM || after.firstResponseAt() != chat.firstResponseAt()) {
          // A change of state or the first answer: rare, and what analytics and a closed chat's
          // counters rely on, so written now.
          chats.recordMessage(chat, message);
          counters.written(message);
        } else {
          counters.record(message);
        }
        store.makeDurable();
        return new Appended(message, after, true);
      }
      if (result instanceof Insert.Repeated repeated) {
        return new Appended(repeated.first(), chat, false);
      }
      long taken = seq;
      seq = messages.newestAfter(chat.id(), taken).map(Message::seq).orElse(taken) + 1;
    }
    throw new IllegalStateException("no free seq in room " + chat.id() + " after many attempts");
  }
}
