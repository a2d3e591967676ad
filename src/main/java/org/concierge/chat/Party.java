package org.concierge.chat;

/** A person in a chat as the chat remembers them: the traveler, or the agent serving it. */
public record Party(String id, String name) {}
