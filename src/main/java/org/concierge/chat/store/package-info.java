/**
 * Where chats and messages are kept: the {@code chats} and {@code messages} collections, written
 * through the MongoDB driver so that every state change that can race is one conditional update and
 * every message insert is arbitrated by unique indexes.
 */
package org.concierge.chat.store;
