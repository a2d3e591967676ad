package org.concierge.chat;

/** What a traveler starts a chat with, validated; {@code message}, if any, becomes seq 1. */
public record NewChat(String subject, String message, Priority priority, String department) {}
