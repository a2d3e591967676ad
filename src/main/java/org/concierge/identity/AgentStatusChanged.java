package org.concierge.identity;

/** An agent or admin went online, away or offline. */
public record AgentStatusChanged(String userId, AgentStatus status) {}
