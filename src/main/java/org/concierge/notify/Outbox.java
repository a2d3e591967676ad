package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.concierge.identity.User;
import org.concierge.notify.store.MongoNotificationRepository;
import org.concierge.platform.Clock;

/**
 * Where notifications are written before anything tries to send them. Writing is one insert, quick
 * enough for an observer that runs under a room's lock; a second write of the same fact (same
 * dedupe key) is ignored.
 */
@ApplicationScoped
public class Outbox {

  @Inject MongoNotificationRepository notifications;
  @Inject Clock clock;

  /**
   * Queues an email to {@code recipient} when they have an address; the bodies are rendered from
   * {@code kind}'s templates when it is sent.
   */
  public void email(
      User recipient,
      EmailKind kind,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey) {
    email(recipient, kind, subject, roomId, data, dedupeKey, clock.now());
  }

  /** As {@link #email}, but not sent before {@code due}. */
  public void email(
      User recipient,
      EmailKind kind,
      String subject,
      String roomId,
      Map<String, String> data,
      String dedupeKey,
      Instant due) {
    if (recipient.email() == null || recipient.email().isBlank() || recipient.disabled()) {
      return;
    }
    notifications.insert(
        Notification.email(
            notifications.newId(),
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
}
