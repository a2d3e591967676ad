package org.concierge.notify;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.concierge.notify.store.MongoNotificationRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Settings;

/**
 * Sends what the outbox holds. Every second, when its {@link OutboxAlarm} rings, it claims due
 * notifications one at a time, so any number of nodes may run it side by side, and for each it asks
 * the {@link Courier} of its channel to deliver it and records the outcome: sent; skipped when no
 * longer needed; failed with its retry time (see {@link Backoff}); dead after the last try or when
 * it cannot be delivered at all; or not configured when the channel has no provider to hand it to.
 * Paced notifications (broadcasts) come after all others in a pass, and each of their lanes gives
 * at most its share of a pass (see {@link Pace#perPass}).
 */
@ApplicationScoped
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
  private static final Duration TICK = Duration.ofSeconds(1);

  /** Longer than the mail server's time-outs, so a live sender's claim never lapses mid-send. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject MongoNotificationRepository notifications;
  @Inject Couriers couriers;
  @Inject Lanes lanes;
  @Inject OutboxAlarm alarm;
  @Inject SealedData sealed;
  @Inject Settings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> ticking;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // A fixed delay, not a fixed rate: a pass starts a whole tick after the previous one ended, so
    // no second ever sees more of a lane than one pass's share.
    ticking =
        scheduler.scheduleWithFixedDelay(
            this::sendDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  /**
   * Sends every notification due now, but no more of a lane than its share of a pass; a failure of
   * the store waits for the next tick.
   */
  void sendDue() {
    Instant now = clock.now();
    if (!alarm.rings(now)) {
      return;
    }
    boolean sweep = alarm.looking(now);
    try {
      if (sweep) {
        // Broadcasts that another node wrote, or that were written before a restart, keep their
        // pace here too: their slots until the next sweep ring like this node's own.
        notifications.pacedDueBetween(now, now.plus(OutboxAlarm.SWEEP)).forEach(alarm::expect);
      }
      LaneShares shares = new LaneShares(lanes, TICK);
      Optional<Notification> claimed;
      while ((claimed = claim(shares.full())).isPresent()) {
        shares.took(claimed.get());
        deliver(claimed.get());
      }
      if (sweep) {
        // What another node or an earlier run of this one scheduled rings on time, not at a sweep.
        notifications.nextDue().ifPresent(alarm::expect);
      }
      if (!shares.full().isEmpty()) {
        // A lane had more due than its share: the rest go in the next pass, a tick from now.
        alarm.expect(clock.now());
      }
    } catch (RuntimeException e) {
      alarm.expect(now);
      LOG.log(Level.WARNING, "The outbox could not be read; trying again shortly", e);
    }
  }

  private Optional<Notification> claim(Set<String> fullLanes) {
    Instant now = clock.now();
    return notifications.claimDue(now, now.plus(LEASE), fullLanes);
  }

  private void deliver(Notification notification) {
    Courier courier = couriers.of(notification.channel());
    Optional<String> unconfigured = courier.unconfigured();
    if (unconfigured.isPresent()) {
      notifications.markFailed(
          notification, DeliveryState.NOT_CONFIGURED, unconfigured.get(), clock.now());
      return;
    }
    try {
      Handover handover = courier.deliver(sealed.open(notification));
      if (handover instanceof Handover.Sent sent) {
        notifications.markSent(notification, clock.now(), sent.reference());
      } else if (handover instanceof Handover.Skipped skipped) {
        notifications.markSkipped(notification, skipped.reason());
      }
    } catch (Undeliverable e) {
      notifications.markFailed(notification, DeliveryState.DEAD, reason(e), clock.now());
    } catch (Exception e) {
      failed(notification, e);
    }
  }

  private void failed(Notification notification, Exception e) {
    Backoff backoff = new Backoff(settings.notifyRetryDelay(), settings.notifyMaxAttempts());
    String reason = reason(e);
    Instant now = clock.now();
    if (backoff.retriesAfter(notification.attempts())) {
      notifications.markFailed(
          notification,
          DeliveryState.FAILED,
          reason,
          now.plus(backoff.delayAfter(notification.attempts())));
    } else {
      LOG.warning(
          "Gave up notification "
              + notification.id()
              + " after "
              + notification.attempts()
              + " tries: "
              + reason);
      notifications.markFailed(notification, DeliveryState.DEAD, reason, now);
    }
  }

  /** What went wrong, with the innermost cause, which names it (refused, timed out, 550...). */
  private static String reason(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String said = root.getClass().getSimpleName() + ": " + root.getMessage();
    return root == e ? said : e.getMessage() + " (" + said + ")";
  }
}
