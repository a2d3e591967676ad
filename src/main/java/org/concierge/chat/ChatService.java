package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.concierge.chat.ChatEvent.ChatAssigned;
import org.concierge.chat.ChatEvent.ChatClosed;
import org.concierge.chat.ChatEvent.ChatEscalated;
import org.concierge.chat.ChatEvent.ChatRated;
import org.concierge.chat.ChatEvent.ChatStarted;
import org.concierge.chat.ChatEvent.ChatTransferred;
import org.concierge.chat.ChatEvent.MessagePosted;
import org.concierge.chat.ChatEvent.MessagesRead;
import org.concierge.chat.ChatEvent.PriorityChanged;
import org.concierge.chat.MessageAppender.Appended;
import org.concierge.chat.store.MongoChatRepository;
import org.concierge.chat.store.MongoMessageRepository;
import org.concierge.identity.Caller;
import org.concierge.identity.IdentityService;
import org.concierge.identity.User;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Invalid;
import org.concierge.platform.NotFound;
import org.concierge.platform.Store;

/**
 * Every use case that changes a chat, and the only way one changes: REST, sockets and pages all
 * call it. Each use case checks the caller's right in the chat, stores the change (atomically where
 * it can race), writes the system message that tells the transcript what happened, then publishes
 * the events of the catalogue.
 */
@ApplicationScoped
public class ChatService {

  /** A traveler may have at most this many chats waiting or in progress. */
  public static final int OPEN_CHATS_MAX = 3;

  @Inject MongoChatRepository chats;
  @Inject MongoMessageRepository messages;
  @Inject MessageAppender appender;
  @Inject MessageCounters counters;
  @Inject RoomLocks locks;
  @Inject RoomStates rooms;
  @Inject ChatEvents events;
  @Inject IdentityService identity;
  @Inject Clock clock;
  @Inject Store store;

  /** A message post's outcome: {@code created} is false when the clientId was already used. */
  public record Posted(Message message, boolean created) {}

  public Chat start(Caller caller, NewChat request) {
    if (!caller.isTraveler()) {
      throw new Forbidden("Only travelers start chats.");
    }
    return locks.withLock(
        "traveler:" + caller.id(),
        () -> {
          if (chats.countOpen(caller.id()) >= OPEN_CHATS_MAX) {
            throw new Conflict(
                "You already have " + OPEN_CHATS_MAX + " open chats; close one first.");
          }
          Chat opened =
              Chat.open(
                  chats.newId(),
                  new Party(caller.id(), caller.name()),
                  request.subject(),
                  request.priority(),
                  request.department(),
                  clock.now());
          chats.insert(opened);
          if (request.message() == null) {
            store.makeDurable();
            rooms.put(opened, true);
            events.publish(new ChatStarted(opened));
            return opened;
          }
          Appended first =
              appender.append(opened, Sender.of(caller), MessageType.TEXT, null, request.message());
          rooms.put(first.chat(), true);
          events.publish(new ChatStarted(first.chat()));
          events.publish(new MessagePosted(first.chat(), first.message()));
          return first.chat();
        });
  }

  public Chat get(Caller caller, String roomId) {
    Chat chat = current(roomId);
    chat.checkVisible(caller);
    return chat;
  }

  /** Messages with seq greater than {@code after}, ascending, at most {@code limit}. */
  public List<Message> messages(Caller caller, String roomId, long after, int limit) {
    get(caller, roomId);
    long from = Math.max(after, 0);
    // Not bounded by the chat's lastSeq, which another node may see a moment behind its messages.
    return messages.range(roomId, from, from + limit);
  }

  public Posted post(Caller caller, String roomId, String clientId, String text) {
    Appended appended =
        locks.withLock(
            roomId,
            () -> {
              Chat chat = current(roomId);
              if (chat.status() == ChatStatus.CLOSED && chat.visibleTo(caller)) {
                // A resend of a message stored before the chat closed still gets its answer.
                var first = messages.findByClientId(roomId, clientId);
                if (first.isPresent()) {
                  return new Appended(first.get(), chat, false);
                }
              }
              chat.checkCanPost(caller);
              Appended stored =
                  appender.append(chat, Sender.of(caller), MessageType.TEXT, clientId, text);
              if (stored.stored()) {
                rooms.put(stored.chat(), false);
                // Published under the room's lock, so sockets get a room's messages in seq order.
                events.publish(new MessagePosted(stored.chat(), stored.message()));
              }
              return stored;
            });
    return new Posted(appended.message(), appended.stored());
  }

  public Chat accept(Caller caller, String roomId) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanAccept(caller);
          Party agent = new Party(caller.id(), caller.name());
          Chat accepted =
              chats
                  .accept(roomId, agent, clock.now())
                  .orElseThrow(() -> new Conflict("Another agent accepted this chat first."));
          return new Change(
              accepted, c -> new ChatAssigned(c, agent), agent.name() + " joined the chat.");
        });
  }

  public Chat changePriority(Caller caller, String roomId, Priority priority) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanChangePriority(caller);
          if (chat.priority() == priority) {
            return new Change(chat, null, null);
          }
          Chat changed =
              chats
                  .changePriority(roomId, chat.priority(), priority)
                  .orElseThrow(() -> new Conflict("The chat changed meanwhile; try again."));
          return new Change(
              changed,
              c -> new PriorityChanged(c, chat.priority(), priority),
              caller.name()
                  + " changed the priority from "
                  + chat.priority().wire()
                  + " to "
                  + priority.wire()
                  + ".");
        });
  }

  public Chat transfer(Caller caller, String roomId, String agentId, String note) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanTransfer(caller);
          User target =
              identity
                  .findStaff(agentId)
                  .orElseThrow(() -> new Invalid("agentId", "is not an agent"));
          if (chat.agent().id().equals(target.id())) {
            throw new Invalid("agentId", "is already the agent of this chat");
          }
          Transfer transfer = new Transfer(chat.agent().id(), target.id(), note, clock.now());
          Chat moved =
              chats
                  .transfer(
                      roomId, chat.agent().id(), new Party(target.id(), target.name()), transfer)
                  .orElseThrow(() -> new Conflict("The chat changed meanwhile; try again."));
          String text =
              caller.name()
                  + " transferred the chat from "
                  + chat.agent().name()
                  + " to "
                  + target.name()
                  + "."
                  + (note == null ? "" : " Note: " + note);
          return new Change(moved, c -> new ChatTransferred(c, transfer), text);
        });
  }

  public Chat escalate(Caller caller, String roomId, String reason) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanEscalate(caller);
          Priority raised = chat.priority().raised();
          Chat escalated =
              chats
                  .escalate(roomId, caller.id(), chat.priority(), raised)
                  .orElseThrow(() -> new Conflict("The chat changed meanwhile; try again."));
          String text =
              caller.name()
                  + " escalated the chat; priority is now "
                  + raised.wire()
                  + "."
                  + (reason == null ? "" : " Reason: " + reason);
          return new Change(escalated, c -> new ChatEscalated(c, reason), text);
        });
  }

  public Chat close(Caller caller, String roomId, String reason) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanClose(caller);
          ClosedBy by = new ClosedBy(caller.id(), caller.role().wire());
          Chat closed =
              chats
                  .close(chat, by, clock.now())
                  .orElseThrow(() -> new Conflict("This chat is already closed."));
          String text =
              caller.name() + " closed the chat." + (reason == null ? "" : " Reason: " + reason);
          return new Change(closed, c -> new ChatClosed(c, by, reason), text);
        });
  }

  public Chat rate(Caller caller, String roomId, Rating rating) {
    return change(
        roomId,
        () -> {
          Chat chat = load(roomId);
          chat.checkCanRate(caller);
          Chat rated =
              chats
                  .rate(roomId, rating)
                  .orElseThrow(() -> new Conflict("This chat is already rated."));
          return new Change(
              rated,
              c -> new ChatRated(c, rating),
              chat.traveler().name() + " rated the chat " + rating.score() + " out of 5.");
        });
  }

  /**
   * Stores that the caller has read the chat up to {@code seq} (at most its last message). A marker
   * only moves forward; moving it fires {@link MessagesRead}.
   */
  public Chat markRead(Caller caller, String roomId, long seq) {
    return locks.withLock(
        roomId,
        () -> {
          Chat chat = current(roomId);
          chat.checkVisible(caller);
          long upTo = Math.min(seq, chat.lastSeq());
          if (upTo <= chat.readMarkers().getOrDefault(caller.id(), 0L)) {
            return chat;
          }
          Chat marked =
              chats
                  .markRead(roomId, caller.id(), upTo)
                  .orElseThrow(() -> new NotFound("No such chat."));
          store.makeDurable();
          rooms.put(marked, true);
          events.publish(new MessagesRead(marked, caller.id(), upTo));
          return marked;
        });
  }

  /** How many active chats each agent serves now, by agent id. */
  public Map<String, Integer> activeChatsByAgent() {
    return chats.activeCountsByAgent();
  }

  /**
   * A stored state change with what it means: the event to publish and the line the transcript
   * gets. A change that changed nothing has neither.
   */
  private record Change(Chat chat, Function<Chat, ChatEvent> event, String systemText) {}

  private Chat change(String roomId, Supplier<Change> work) {
    return locks.withLock(
        roomId,
        () -> {
          Change change = work.get();
          if (change.event() == null) {
            return change.chat();
          }
          Appended note =
              appender.append(
                  change.chat(), Sender.SYSTEM, MessageType.SYSTEM, null, change.systemText());
          Chat after = note.chat();
          rooms.put(after, false);
          events.publish(change.event().apply(after));
          events.publish(new MessagePosted(after, note.message()));
          return after;
        });
  }

  /** The room as this node last saw it, or as the store has it when that is not fresh. */
  private Chat current(String roomId) {
    return rooms
        .fresh(roomId)
        .map(counters::overlay)
        .orElseGet(
            () -> {
              Chat chat = load(roomId);
              rooms.put(chat, true);
              return chat;
            });
  }

  private Chat load(String roomId) {
    return counters.overlay(chats.find(roomId).orElseThrow(() -> new NotFound("No such chat.")));
  }
}
