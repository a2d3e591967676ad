package org.concierge.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.concierge.broadcast.Recipients.Recipient;
import org.concierge.broadcast.store.MongoBroadcastRepository;
import org.concierge.chat.Party;
import org.concierge.identity.Caller;
import org.concierge.notify.Channel;
import org.concierge.notify.Outbox;
import org.concierge.notify.Outbox.BroadcastSlot;
import org.concierge.platform.Clock;
import org.concierge.platform.Forbidden;
import org.concierge.platform.NotFound;

/**
 * Every use case of broadcasts, for admins only: count an audience, send to it, follow a
 * broadcast's progress. Sending writes the broadcast and then all its notifications to the outbox
 * before answering; the outbox worker sends each when its slot comes.
 */
@ApplicationScoped
public class BroadcastService {

  @Inject Recipients recipients;
  @Inject SlotPlanner planner;
  @Inject MongoBroadcastRepository broadcasts;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /**
   * What an admin wants to send.
   *
   * @param subject for email only
   */
  public record Draft(Channel channel, Audience audience, String subject, String text) {}

  /** How many people a broadcast to {@code audience} by {@code channel} would reach now. */
  public int preview(Caller caller, Channel channel, Audience audience) {
    checkAdmin(caller);
    return recipients.of(audience, channel).size();
  }

  /** Writes the broadcast and queues one message for each person it reaches. */
  public Broadcast send(Caller caller, Draft draft) {
    checkAdmin(caller);
    List<Recipient> people = recipients.of(draft.audience(), draft.channel());
    List<BroadcastSlot> slots = planner.plan(draft.channel(), people);
    Broadcast broadcast =
        new Broadcast(
            broadcasts.newId(),
            draft.channel(),
            draft.audience(),
            draft.subject(),
            draft.text(),
            people.size(),
            new Party(caller.id(), caller.name()),
            clock.now(),
            slots.stream().map(BroadcastSlot::due).min(Comparator.naturalOrder()).orElse(null),
            slots.stream().map(BroadcastSlot::due).max(Comparator.naturalOrder()).orElse(null));
    // The broadcast is stored first: should the server stop while its messages are written, the
    // admin still sees it, and its progress shows how many were queued.
    broadcasts.insert(broadcast);
    outbox.queueBroadcast(broadcast.id(), draft.channel(), draft.subject(), draft.text(), slots);
    return broadcast;
  }

  public Broadcast find(Caller caller, String id) {
    checkAdmin(caller);
    return broadcasts.find(id).orElseThrow(() -> new NotFound("No such broadcast."));
  }

  public Progress progress(Caller caller, Broadcast broadcast) {
    checkAdmin(caller);
    return Progress.of(outbox.statesOfBroadcast(broadcast.id()));
  }

  /** The newest broadcasts first, before the one {@code beforeId} names when given. */
  public List<Broadcast> newest(Caller caller, Optional<String> beforeId, int limit) {
    checkAdmin(caller);
    return broadcasts.newest(beforeId, limit);
  }

  private static void checkAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new Forbidden("Only admins send broadcasts.");
    }
  }
}
