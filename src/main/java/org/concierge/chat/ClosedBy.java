package org.concierge.chat;

/** Who closed a chat, and in which role. */
public record ClosedBy(String id, String role) {}
