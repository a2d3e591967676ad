package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.concierge.identity.Caller;
import org.concierge.identity.User;
import org.concierge.notify.store.MongoNotificationRepository;
import org.concierge.notify.store.MongoPreferencesRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Forbidden;
import org.concierge.platform.PhoneNumbers;

/**
 * Where notifications are written before anything tries to send them. Writing is one insert, quick
 * enough for an observer that runs under a room's lock; a second write of the same fact (same
 * dedupe key) is ignored.
 */
@ApplicationScoped
public class Outbox {

  /** Notifications stored, or people looked up, per round trip of a broadcast. */
  private static final int BATCH = 500;

  @Inject MongoNotificationRepository notifications;
  @Inject MongoPreferencesRepository preferences;
  @Inject Clock clock;

  /** The newest notifications first, {@code first} and on, optionally in one state (admins). */
  public List<Notification> list(
      Caller caller, Optional<DeliveryState> state, int first, int size) {
    checkAdmin(caller);
    return notifications.page(state, Optional.empty(), first, size);
  }

  public long count(Caller caller, Optional<DeliveryState> state) {
    checkAdmin(caller);
    return notifications.count(state, Optional.empty());
  }

  /**
   * Sends a failed, dead or not configured notification again, with a fresh count of tries
   * (admins); refused when it is in none of those states any more.
   */
  public void retry(Caller caller, String id) {
    checkAdmin(caller);
    if (!notifications.retry(id, clock.now())) {
      throw new Conflict("This notification is not waiting for a retry any more.");
    }
  }

  public NotificationPreferences preferences(Caller caller) {
    return preferences.of(caller.id());
  }

  public NotificationPreferences changePreferences(Caller caller, NotificationPreferences changed) {
    preferences.save(caller.id(), changed);
    return changed;
  }

  /** Those of {@code userIds} who turned {@code channel} off. */
  public Set<String> refusing(Channel channel, Collection<String> userIds) {
    List<String> all = List.copyOf(userIds);
    Set<String> refusing = new HashSet<>();
    for (int first = 0; first < all.size(); first += BATCH) {
      refusing.addAll(
          preferences.refusing(channel, all.subList(first, Math.min(all.size(), first + BATCH))));
    }
    return refusing;
  }

  /**
   * One person a broadcast goes to, and when theirs is due.
   *
   * @param address their email address or phone number, by the broadcast's channel
   * @param data facts for the courier besides the text (the sender number of a text message)
   */
  public record BroadcastSlot(
      User recipient, String address, Instant due, Map<String, String> data) {}

  /**
   * Queues a broadcast's notifications, each due at its own slot, in batches. The caller has
   * already left out who may not be reached; a person already queued in this broadcast (same dedupe
   * key) is not queued twice.
   */
  public void queueBroadcast(
      String broadcastId, Channel channel, String subject, String text, List<BroadcastSlot> slots) {
    List<Notification> batch = new ArrayList<>();
    for (BroadcastSlot slot : slots) {
      Map<String, String> data = new HashMap<>(slot.data());
      data.put(Notification.BROADCAST_ID, broadcastId);
      data.put("name", slot.recipient().name());
      data.put("text", text);
      batch.add(
          Notification.pending(
              notifications.newId(),
              channel,
              NotificationKind.BROADCAST,
              slot.recipient().id(),
              slot.address(),
              subject,
              null,
              data,
              "broadcast:" + broadcastId + ":" + slot.recipient().id(),
              clock.now(),
              slot.due()));
      if (batch.size() == BATCH) {
        notifications.insertAll(batch);
        batch.clear();
      }
    }
    notifications.insertAll(batch);
  }

  /** How many notifications of a broadcast are in each state. */
  public Map<DeliveryState, Long> statesOfBroadcast(String broadcastId) {
    return notifications.statesOfBroadcast(broadcastId);
  }

  private static void checkAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new Forbidden("Only admins see the outbox.");
    }
  }

  /**
   * Queues an email to {@code recipient} when they have an address and have not turned email off;
   * the bodies are rendered from {@code kind}'s templates when it is sent.
   */
  public void email(
      User recipient,
      NotificationKind kind,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey) {
    email(recipient, kind, subject, roomId, data, dedupeKey, clock.now());
  }

  /** As {@link #email}, but not sent before {@code due}. */
  public void email(
      User recipient,
      NotificationKind kind,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey,
      Instant due) {
    if (recipient.email() == null
        || recipient.email().isBlank()
        || recipient.disabled()
        || !preferences.of(recipient.id()).allows(Channel.EMAIL)) {
      return;
    }
    notifications.insert(
        Notification.pending(
            notifications.newId(),
            Channel.EMAIL,
            kind,
            recipient.id(),
            recipient.email(),
            subject,
            roomId,
            data,
            dedupeKey,
            clock.now(),
            due));
  }

  /**
   * Queues the same text message to each of {@code recipients} who has a phone number, an enabled
   * account and text messages allowed, in one write however many they are, so that it may run under
   * a room's lock; {@code dedupeKey} names each one's message.
   */
  public void smsEach(
      List<User> recipients,
      NotificationKind kind,
      String roomId,
      Map<String, String> data,
      Function<User, String> dedupeKey) {
    List<User> reachable =
        recipients.stream()
            .filter(u -> !u.disabled() && PhoneNumbers.e164(u.phone()).isPresent())
            .toList();
    if (reachable.isEmpty()) {
      return;
    }
    Set<String> refusing =
        preferences.refusing(Channel.SMS, reachable.stream().map(User::id).toList());
    Instant now = clock.now();
    notifications.insertAll(
        reachable.stream()
            .filter(u -> !refusing.contains(u.id()))
            .map(
                u ->
                    Notification.pending(
                        notifications.newId(),
                        Channel.SMS,
                        kind,
                        u.id(),
                        PhoneNumbers.e164(u.phone()).orElseThrow(),
                        null,
                        roomId,
                        data,
                        dedupeKey.apply(u),
                        now,
                        now))
            .toList());
  }

  /**
   * Queues a browser push to one of {@code recipient}'s push subscriptions, unless they turned push
   * off; the payload is rendered from {@code kind}'s push template when it is sent.
   */
  public void push(
      User recipient,
      String subscriptionId,
      NotificationKind kind,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey) {
    if (recipient.disabled() || !preferences.of(recipient.id()).allows(Channel.PUSH)) {
      return;
    }
    notifications.insert(
        Notification.pending(
            notifications.newId(),
            Channel.PUSH,
            kind,
            recipient.id(),
            subscriptionId,
            subject,
            roomId,
            data,
            dedupeKey,
            clock.now(),
            clock.now()));
  }

  /**
   * Queues a text message to {@code phone} (E.164), due at {@code due}. When the number is a
   * user's, {@code recipient} is that user and their SMS preference applies; a number of nobody's
   * (a booking system's traveler) has none. The body is rendered from {@code kind}'s SMS template
   * when it is sent.
   *
   * @return false when nothing was queued: the recipient does not take text messages, or the fact's
   *     notification exists already
   */
  public boolean sms(
      Optional<User> recipient,
      String phone,
      NotificationKind kind,
      String roomId,
      Map<String, String> data,
      String dedupeKey,
      Instant due) {
    if (recipient.isPresent()
        && (recipient.get().disabled()
            || !preferences.of(recipient.get().id()).allows(Channel.SMS))) {
      return false;
    }
    return notifications.insert(
        Notification.pending(
            notifications.newId(),
            Channel.SMS,
            kind,
            recipient.map(User::id).orElse(null),
            phone,
            null,
            roomId,
            data,
            dedupeKey,
            clock.now(),
            due));
  }

  /** The notification that tells the fact {@code dedupeKey} names, if any. */
  public Optional<Notification> find(String dedupeKey) {
    return notifications.findByDedupeKey(dedupeKey);
  }

  /**
   * Moves the notification of {@code dedupeKey}, unless it went out already, to {@code due}, with a
   * new address and data.
   *
   * @return the notification as stored afterwards; empty when it is being sent or was sent
   */
  public Optional<Notification> reschedule(
      String dedupeKey, String address, Map<String, String> data, Instant due) {
    return notifications.reschedule(dedupeKey, address, data, due);
  }

  /**
   * Calls off the notification of {@code dedupeKey} unless it went out already.
   *
   * @return the notification as stored afterwards; empty when it is being sent or was sent
   */
  public Optional<Notification> cancel(String dedupeKey, String reason) {
    return notifications.cancel(dedupeKey, reason);
  }
}
