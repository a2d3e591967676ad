/**
 * The core of the desk: chats between a traveler and an agent, their messages with gap-free
 * sequence numbers, and every use case that changes them. {@link org.concierge.chat.ChatService} is
 * the only writer; after each stored change it fires one event of {@link
 * org.concierge.chat.ChatEvent}'s catalogue.
 */
package org.concierge.chat;
