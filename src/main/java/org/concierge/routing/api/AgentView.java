package org.concierge.routing.api;

import java.util.List;
import org.concierge.identity.User;

/** An agent (or admin) with their status and how many active chats they serve. */
public record AgentView(
    String id,
    String email,
    String name,
    String role,
    String phone,
    String status,
    List<String> departments,
    int activeChats) {

  static AgentView of(User user, int activeChats) {
    return new AgentView(
        user.id(),
        user.email(),
        user.name(),
        user.role().wire(),
        user.phone(),
        user.status() == null ? "offline" : user.status().wire(),
        user.departments(),
        activeChats);
  }
}
