package org.concierge.chat;

import java.time.Instant;

/** A hand-over of a chat from one agent to another. */
public record Transfer(String fromAgentId, String toAgentId, String note, Instant at) {}
