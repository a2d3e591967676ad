package org.concierge.notify.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.concierge.identity.Caller;
import org.concierge.notify.push.store.MongoPushSubscriptionRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Forbidden;

/**
 * The browsers that agents and admins let Concierge push to. Only staff subscribe: travelers are
 * reached by email and text messages.
 */
@ApplicationScoped
public class PushSubscriptions {

  /**
   * Browsers kept per person; subscribing one more lets go of the one unused longest, so browsers
   * thrown away without unsubscribing do not pile up.
   */
  static final int KEPT_PER_USER = 10;

  @Inject MongoPushSubscriptionRepository subscriptions;
  @Inject Clock clock;

  /** Result of a subscription: the stored one, and whether it is new (not an update). */
  public record Saved(PushSubscription subscription, boolean created) {}

  public Saved subscribe(Caller caller, NewSubscription subscription) {
    checkStaff(caller);
    PushSubscription saved =
        subscriptions.save(
            caller.id(),
            subscription.endpoint(),
            subscription.p256dh(),
            subscription.auth(),
            clock.now());
    List<PushSubscription> theirs = subscriptions.ofUser(caller.id());
    for (PushSubscription old :
        theirs.subList(Math.min(KEPT_PER_USER, theirs.size()), theirs.size())) {
      subscriptions.delete(old.id());
    }
    return new Saved(saved, saved.createdAt().equals(saved.updatedAt()));
  }

  public List<PushSubscription> mine(Caller caller) {
    checkStaff(caller);
    return subscriptions.ofUser(caller.id());
  }

  /** Forgets the caller's subscription of this endpoint, if they have one. */
  public void unsubscribe(Caller caller, String endpoint) {
    checkStaff(caller);
    subscriptions.delete(caller.id(), endpoint);
  }

  /** The subscriptions of these users, for pushing to them. */
  public List<PushSubscription> ofUsers(java.util.Collection<String> userIds) {
    return userIds.isEmpty() ? List.of() : subscriptions.ofUsers(userIds);
  }

  private static void checkStaff(Caller caller) {
    if (!caller.servesChats()) {
      throw new Forbidden("Only agents and admins receive push notifications.");
    }
  }
}
