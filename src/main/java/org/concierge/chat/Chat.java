package org.concierge.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concierge.identity.Caller;
import org.concierge.identity.Role;
import org.concierge.platform.Conflict;
import org.concierge.platform.Forbidden;
import org.concierge.platform.NotFound;

/**
 * A conversation between one traveler and the desk. It starts pending in the queue, becomes active
 * when an agent accepts it, may be handed to other agents, escalated and re-prioritised, and ends
 * closed, after which the traveler may rate it once. Each member's read marker (the last seq they
 * have read) is kept with it, so read receipts survive reconnects.
 *
 * <p>A chat knows who may see it and who may do what to it, and refuses illegal transitions with
 * the error the caller should get. The store re-checks the state atomically when it writes, so two
 * racing changes cannot both pass.
 */
public record Chat(
    String id,
    ChatStatus status,
    Priority priority,
    String subject,
    String department,
    boolean escalated,
    Party traveler,
    Party agent,
    Instant createdAt,
    Instant assignedAt,
    Instant firstResponseAt,
    Instant closedAt,
    ClosedBy closedBy,
    List<Transfer> transfers,
    Instant lastMessageAt,
    long lastSeq,
    Rating rating,
    Map<String, Long> readMarkers) {

  public Chat {
    transfers = transfers == null ? List.of() : List.copyOf(transfers);
    readMarkers = readMarkers == null ? Map.of() : Map.copyOf(readMarkers);
  }

  /** A new chat in the queue. */
  public static Chat open(
      String id,
      Party traveler,
      String subject,
      Priority priority,
      String department,
      Instant now) {
    return new Chat(
        id,
        ChatStatus.PENDING,
        priority,
        subject,
        department,
        false,
        traveler,
        null,
        now,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        0,
        null,
        Map.of());
  }

  public boolean isOwner(Caller caller) {
    return traveler.id().equals(caller.id());
  }

  public boolean isAssignedTo(Caller caller) {
    return agent != null && agent.id().equals(caller.id());
  }

  /** Its traveler, its agent, any agent while it waits, and admins. */
  public boolean visibleTo(Caller caller) {
    return visibleTo(caller, traveler.id(), agent == null ? null : agent.id(), status);
  }

  /**
   * The rule of {@link #visibleTo(Caller)} for those that keep only a chat's parties and status,
   * such as the sockets joined to it on another node.
   */
  public static boolean visibleTo(
      Caller caller, String travelerId, String agentId, ChatStatus status) {
    return travelerId.equals(caller.id())
        || caller.isAdmin()
        || (caller.servesChats() && (status == ChatStatus.PENDING || caller.id().equals(agentId)));
  }

  /** The traveler, the assigned agent and admins may write in an open chat. */
  public void checkCanPost(Caller caller) {
    checkVisible(caller);
    if (!(isOwner(caller) || isAssignedTo(caller) || caller.isAdmin())) {
      throw new Forbidden("Only the traveler and the assigned agent may write in this chat.");
    }
    if (status == ChatStatus.CLOSED) {
      throw new Conflict("This chat is closed.");
    }
  }

  public void checkCanAccept(Caller caller) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents accept chats.");
    }
    if (status != ChatStatus.PENDING) {
      throw new Conflict("This chat is no longer waiting: " + status.wire() + ".");
    }
  }

  public void checkCanChangePriority(Caller caller) {
    checkVisible(caller);
    if (!(isAssignedTo(caller) || caller.isAdmin())) {
      throw new Forbidden("Only the assigned agent or an admin may change the priority.");
    }
    checkNotClosed();
  }

  public void checkCanTransfer(Caller caller) {
    checkVisible(caller);
    if (!(isAssignedTo(caller) || caller.isAdmin())) {
      throw new Forbidden("Only the assigned agent or an admin may transfer this chat.");
    }
    if (status != ChatStatus.ACTIVE) {
      throw new Conflict(
          "Only an active chat can be transferred; this one is " + status.wire() + ".");
    }
  }

  public void checkCanEscalate(Caller caller) {
    checkVisible(caller);
    if (!isAssignedTo(caller)) {
      throw new Forbidden("Only the assigned agent may escalate this chat.");
    }
    checkNotClosed();
    if (escalated) {
      throw new Conflict("This chat is already escalated.");
    }
  }

  public void checkCanClose(Caller caller) {
    checkVisible(caller);
    if (!(isOwner(caller) || isAssignedTo(caller) || caller.isAdmin())) {
      throw new Forbidden("Only the traveler, the assigned agent or an admin may close this chat.");
    }
    checkNotClosed();
  }

  public void checkCanRate(Caller caller) {
    checkVisible(caller);
    if (!isOwner(caller)) {
      throw new Forbidden("Only the traveler rates a chat.");
    }
    if (status != ChatStatus.CLOSED) {
      throw new Conflict("A chat can be rated once it is closed.");
    }
    if (rating != null) {
      throw new Conflict("This chat is already rated.");
    }
  }

  /** Refuses with 404 anyone who may not see this chat, so its existence does not leak. */
  public void checkVisible(Caller caller) {
    if (!visibleTo(caller)) {
      throw new NotFound("No such chat.");
    }
  }

  private void checkNotClosed() {
    if (status == ChatStatus.CLOSED) {
      throw new Conflict("This chat is closed.");
    }
  }

  /** This chat with its newest message at {@code lastSeq}, sent {@code lastMessageAt}. */
  Chat withCounters(long lastSeq, Instant lastMessageAt) {
    return new Chat(
        id,
        status,
        priority,
        subject,
        department,
        escalated,
        traveler,
        agent,
        createdAt,
        assignedAt,
        firstResponseAt,
        closedAt,
        closedBy,
        transfers,
        lastMessageAt,
        lastSeq,
        rating,
        readMarkers);
  }

  /** This chat as it is once {@code message} is stored. */
  public Chat withMessage(Message message) {
    boolean firstResponse =
        firstResponseAt == null && message.type() == MessageType.TEXT && isStaff(message.sender());
    return new Chat(
        id,
        status,
        priority,
        subject,
        department,
        escalated,
        traveler,
        agent,
        createdAt,
        assignedAt,
        firstResponse ? message.sentAt() : firstResponseAt,
        closedAt,
        closedBy,
        transfers,
        lastMessageAt == null || message.sentAt().isAfter(lastMessageAt)
            ? message.sentAt()
            : lastMessageAt,
        Math.max(lastSeq, message.seq()),
        rating,
        readMarkers);
  }

  private static boolean isStaff(Sender sender) {
    return Role.AGENT.wire().equals(sender.role()) || Role.ADMIN.wire().equals(sender.role());
  }
}
