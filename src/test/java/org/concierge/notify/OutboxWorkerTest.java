package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concierge.notify.store.MongoNotificationRepository;
import org.concierge.platform.Clock;
import org.concierge.platform.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the worker records for each way a delivery can end. */
class OutboxWorkerTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 3;

  /** An outcome as the worker recorded it in the outbox. */
  private record Recorded(String id, DeliveryState state, String reason, Instant nextAttemptAt) {}

  /** What the courier does with the notification it is given. */
  private interface Behaviour {
    Handover deliver() throws Exception;
  }

  private final Deque<Notification> due = new ArrayDeque<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final OutboxWorker worker = new OutboxWorker();
  private Optional<String> unconfigured = Optional.empty();
  private Behaviour behaviour = Handover::sent;

  @BeforeEach
  void collaborators() {
    worker.clock =
        new Clock() {
          @Override
          public Instant now() {
            return NOW;
          }
        };
    worker.alarm = new OutboxAlarm();
    worker.lanes = new Lanes();
    worker.sealed = new SealedData();
    worker.settings =
        new Settings() {
          @Override
          public Duration notifyRetryDelay() {
            return FIRST_RETRY;
          }

          @Override
          public int notifyMaxAttempts() {
            return MAX_ATTEMPTS;
          }
        };
    worker.couriers =
        new Couriers() {
          @Override
          public Courier of(Channel channel) {
            return new Courier() {
              @Override
              public Channel channel() {
                return channel;
              }

              @Override
              public Optional<String> unconfigured() {
                return unconfigured;
              }

              @Override
              public Handover deliver(Notification notification) throws Exception {
                return behaviour.deliver();
              }
            };
          }
        };
    worker.notifications = new RecordingOutbox();
  }

  @Test
  void keepsANotificationAsNotConfiguredWithTheMissingSettingNamed() {
    unconfigured = Optional.of("No mail server is configured (CONCIERGE_SMTP_HOST).");
    due.add(claimed("n1", 1));

    worker.sendDue();

    assertThat(recorded)
        .containsExactly(
            new Recorded(
                "n1",
                DeliveryState.NOT_CONFIGURED,
                "No mail server is configured (CONCIERGE_SMTP_HOST).",
                NOW));
  }

  @Test
  void retriesAFailedTryAfterItsBackoffThenGivesUpAfterTheLastTry() {
    behaviour =
        () -> {
          throw new IllegalStateException("Connection refused");
        };
    due.add(claimed("n1", 1));
    due.add(claimed("n2", MAX_ATTEMPTS));

    worker.sendDue();

    assertThat(recorded)
        .containsExactly(
            new Recorded(
                "n1",
                DeliveryState.FAILED,
                "IllegalStateException: Connection refused",
                NOW.plus(FIRST_RETRY)),
            new Recorded(
                "n2", DeliveryState.DEAD, "IllegalStateException: Connection refused", NOW));
  }

  @Test
  void givesUpAtOnceOnWhatNoRetryCanMend() {
    behaviour =
        () -> {
          throw new Undeliverable("Twilio refused the number (21211)", null);
        };
    due.add(claimed("n1", 1));

    worker.sendDue();

    assertThat(recorded)
        .containsExactly(
            new Recorded(
                "n1", DeliveryState.DEAD, "Undeliverable: Twilio refused the number (21211)", NOW));
  }

  @Test
  void recordsWhatWasSentAndWhatWasNoLongerWanted() {
    due.add(claimed("n1", 1));
    worker.sendDue();
    behaviour = () -> Handover.skipped("The traveler read the message first.");
    due.add(claimed("n2", 1));
    worker.alarm.expect(NOW);
    worker.sendDue();

    assertThat(recorded)
        .containsExactly(
            new Recorded("n1", DeliveryState.SENT, null, null),
            new Recorded(
                "n2", DeliveryState.SKIPPED, "The traveler read the message first.", null));
  }

  private static Notification claimed(String id, int attempts) {
    Notification pending =
        Notification.pending(
            id,
            Channel.EMAIL,
            NotificationKind.CHAT_STARTED,
            "traveler-1",
            "ada@travel.example",
            "We have your message",
            "room-1",
            Map.of(),
            "chat-started:" + id,
            NOW,
            NOW);
    return new Notification(
        pending.id(),
        pending.channel(),
        pending.kind(),
        pending.recipientId(),
        pending.address(),
        pending.subject(),
        pending.roomId(),
        pending.data(),
        DeliveryState.SENDING,
        attempts,
        pending.nextAttemptAt(),
        NOW.plusSeconds(120),
        null,
        pending.createdAt(),
        null,
        null,
        pending.dedupeKey());
  }

  /** The outbox as the worker sees it: the due notifications in turn, and what it records. */
  private final class RecordingOutbox extends MongoNotificationRepository {

    @Override
    public Optional<Notification> claimDue(Instant now, Instant leaseUntil, Set<String> full) {
      return Optional.ofNullable(due.poll());
    }

    @Override
    public Optional<Instant> nextDue() {
      return Optional.empty();
    }

    @Override
    public List<Instant> pacedDueBetween(Instant after, Instant until) {
      return List.of();
    }

    @Override
    public void markSent(Notification claimed, Instant at, Optional<String> reference) {
      recorded.add(new Recorded(claimed.id(), DeliveryState.SENT, null, null));
    }

    @Override
    public void markSkipped(Notification claimed, String reason) {
      recorded.add(new Recorded(claimed.id(), DeliveryState.SKIPPED, reason, null));
    }

    @Override
    public void markFailed(
        Notification claimed, DeliveryState state, String error, Instant nextAttemptAt) {
      recorded.add(new Recorded(claimed.id(), state, error, nextAttemptAt));
    }
  }
}
