package org.concierge.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.concierge.notify.Notification;
import org.concierge.notify.Outbox;
import org.concierge.platform.Clock;
import org.concierge.platform.Conflict;
import org.concierge.platform.Invalid;
import org.concierge.platform.NotFound;
import org.concierge.platform.Store;

/**
 * Texts travelers for the booking system. Each booking has at most one confirmation and one
 * reminder, named in the outbox by the booking reference: asking again answers with the message
 * already there. A reminder waits in the outbox until its time, and the outbox worker (on whichever
 * node) sends it then; until it goes out it may be moved or called off.
 */
@ApplicationScoped
public class BookingMessages {

  static final String CANCELLED = "Cancelled by the booking system.";

  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject Store store;

  /** Texts the booking's confirmation now, unless it was asked for before. */
  public BookingSms confirm(Booking booking) {
    return queue(booking, BookingSmsKind.CONFIRMATION, clock.now());
  }

  /**
   * Schedules the booking's trip reminder for {@code remindAt}, or moves the one scheduled before
   * (to a new time, number or trip) as long as it has not gone out.
   *
   * @throws Invalid when {@code remindAt} has passed or is not before the departure
   * @throws Conflict when the reminder is being sent or was sent
   */
  public BookingSms remind(Booking booking, Instant remindAt) {
    Instant now = clock.now();
    if (!booking.departure().toInstant().isAfter(now)) {
      throw new Invalid("departureAt", "has passed; a reminder must come before the departure");
    }
    if (!remindAt.isAfter(now)) {
      throw new Invalid(
          "remindAt",
          "would be "
              + remindAt
              + ", which has passed; choose a later time or fewer hours before departure");
    }
    if (!remindAt.isBefore(booking.departure().toInstant())) {
      throw new Invalid("remindAt", "must be before the departure");
    }
    BookingSms queued = queue(booking, BookingSmsKind.REMINDER, remindAt);
    if (queued.created()) {
      return queued;
    }
    Notification moved =
        outbox
            .reschedule(
                BookingSmsKind.REMINDER.dedupeKey(booking.reference()),
                booking.phone(),
                booking.data(),
                remindAt)
            .orElseThrow(() -> alreadyOut(booking.reference()));
    store.makeDurable();
    return BookingSms.of(booking.reference(), BookingSmsKind.REMINDER, moved, false);
  }

  /**
   * Calls off the booking's reminder.
   *
   * @throws NotFound when the booking has none
   * @throws Conflict when it is being sent or was sent
   */
  public BookingSms cancelReminder(String reference) {
    String key = BookingSmsKind.REMINDER.dedupeKey(reference);
    find(reference, BookingSmsKind.REMINDER);
    Notification cancelled = outbox.cancel(key, CANCELLED).orElseThrow(() -> alreadyOut(reference));
    store.makeDurable();
    return BookingSms.of(reference, BookingSmsKind.REMINDER, cancelled, false);
  }

  /**
   * The booking's message of this kind as it stands.
   *
   * @throws NotFound when it was never asked for
   */
  public BookingSms find(String reference, BookingSmsKind kind) {
    return outbox
        .find(kind.dedupeKey(reference))
        .map(n -> BookingSms.of(reference, kind, n, false))
        .orElseThrow(
            () -> new NotFound("Booking " + reference + " has no " + kind.wire() + " message."));
  }

  private BookingSms queue(Booking booking, BookingSmsKind kind, Instant due) {
    String key = kind.dedupeKey(booking.reference());
    boolean created =
        outbox.sms(
            Optional.empty(), booking.phone(), kind.notification(), null, booking.data(), key, due);
    if (created) {
      store.makeDurable();
    }
    Notification stored =
        outbox.find(key).orElseThrow(() -> new IllegalStateException("the outbox lost " + key));
    return BookingSms.of(booking.reference(), kind, stored, created);
  }

  private static Conflict alreadyOut(String reference) {
    return new Conflict(
        "The reminder of booking " + reference + " is being sent or was sent; it cannot change.");
  }
}
