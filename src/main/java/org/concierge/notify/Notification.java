package org.concierge.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One message to one person, as the outbox keeps it: who it is for and what it is about (the kind,
 * the chat and a few facts of the moment in {@code data}), and how its delivery goes. The bodies
 * are rendered when it is sent, from the chat as it is stored. {@code dedupeKey} names the fact it
 * tells, so that one event never makes two notifications.
 *
 * @param address where it goes: an email address for {@link Channel#EMAIL}, a phone number in E.164
 *     form for {@link Channel#SMS}, a push subscription's id for {@link Channel#PUSH}
 * @param recipientId the user it is for, or null for an address that belongs to no user (a phone
 *     number given by a booking system, say)
 * @param leaseUntil while {@code SENDING}, when the claim of the worker that took it ends
 * @param reference once sent, the provider's id for the message (Twilio's message SID, say), by
 *     which its later delivery reports find it
 */
public record Notification(
    String id,
    Channel channel,
    NotificationKind kind,
    String recipientId,
    String address,
    String subject,
    String roomId,
    Map<String, String> data,
    DeliveryState state,
    int attempts,
    Instant nextAttemptAt,
    Instant leaseUntil,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    String reference,
    String dedupeKey) {

  /** The key in {@code data} of the broadcast a {@link NotificationKind#BROADCAST} belongs to. */
  public static final String BROADCAST_ID = "broadcastId";

  public Notification {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A new notification, created {@code now} and due at {@code due}. */
  public static Notification pending(
      String id,
      Channel channel,
      NotificationKind kind,
      String recipientId,
      String address,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey,
      Instant now,
      Instant due) {
    return new Notification(
        id,
        channel,
        kind,
        recipientId,
        address,
        subject,
        roomId,
        data,
        DeliveryState.PENDING,
        0,
        due,
        null,
        null,
        now,
        null,
        null,
        dedupeKey);
  }
}
