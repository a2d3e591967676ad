package org.concierge.chat;

/**
 * The catalogue of facts about chats. {@link ChatService} fires exactly one of these per stored
 * change, after the write succeeded, synchronously and asynchronously; observers in other features
 * react to them (sockets, notifications, analytics). Each carries the chat as it is after the
 * change.
 */
public sealed interface ChatEvent {

  Chat chat();

  /** A traveler opened a chat; it waits in the queue. */
  record ChatStarted(Chat chat) implements ChatEvent {}

  /** A message, written by a person or by Concierge, was stored. */
  record MessagePosted(Chat chat, Message message) implements ChatEvent {}

  /** An agent accepted a waiting chat. */
  record ChatAssigned(Chat chat, Party agent) implements ChatEvent {}

  /** The chat went from one agent to another. */
  record ChatTransferred(Chat chat, Transfer transfer) implements ChatEvent {}

  /** The chat's priority changed. */
  record PriorityChanged(Chat chat, Priority from, Priority to) implements ChatEvent {}

  /** The assigned agent escalated the chat; its priority went up one level. */
  record ChatEscalated(Chat chat, String reason) implements ChatEvent {}

  /** The chat was closed. */
  record ChatClosed(Chat chat, ClosedBy closedBy, String reason) implements ChatEvent {}

  /** A member of the chat has read its messages up to {@code seq}. */
  record MessagesRead(Chat chat, String userId, long seq) implements ChatEvent {}

  /** The traveler rated the closed chat. */
  record ChatRated(Chat chat, Rating rating) implements ChatEvent {}
}
