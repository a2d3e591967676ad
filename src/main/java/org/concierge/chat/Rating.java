package org.concierge.chat;

/** The traveler's satisfaction with a closed chat: 1 to 5, with an optional comment. */
public record Rating(int score, String comment) {}
