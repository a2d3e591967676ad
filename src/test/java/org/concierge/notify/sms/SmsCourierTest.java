package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concierge.notify.Channel;
import org.concierge.notify.Handover;
import org.concierge.notify.Links;
import org.concierge.notify.Notification;
import org.concierge.notify.NotificationKind;
import org.concierge.platform.Clock;
import org.concierge.platform.Settings;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioStandIn.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS courier with the real SDK and the stand-in: who a text is sent from, where Twilio reports
 * its delivery, and what it skips.
 */
class SmsCourierTest {

  private static final String TO = "+41791234567";
  private static final String OTHER_SENDER = "+15005550009";

  private final TwilioStandIn twilio = new TwilioStandIn(freePort());
  private final SmsCourier courier = new SmsCourier();
  private final Accounts settings = new Accounts();
  private final MemoryOptOutStore optOutStore = new MemoryOptOutStore();
  private Optional<String> body = Optional.of("Urgent chat. Open it: https://desk.example/desk/");

  /** The settings of a configured account, pointed at the stand-in. */
  private final class Accounts extends Settings {
    List<String> senders = List.of(TwilioStandIn.FROM, OTHER_SENDER);
    Optional<String> sid = Optional.of(TwilioStandIn.ACCOUNT_SID);

    @Override
    public Optional<String> twilioAccountSid() {
      return sid;
    }

    @Override
    public Optional<String> twilioAuthToken() {
      return Optional.of(TwilioStandIn.AUTH_TOKEN);
    }

    @Override
    public List<String> twilioFrom() {
      return senders;
    }

    @Override
    public Optional<URI> twilioApiUrl() {
      return Optional.of(URI.create(twilio.baseUrl()));
    }
  }

  SmsCourierTest() {
    twilio.start();
    courier.settings = settings;
    courier.composer =
        new SmsComposer() {
          @Override
          public Optional<String> compose(Notification notification) {
            return body;
          }
        };
    OptOuts optOuts = new OptOuts();
    optOuts.store = optOutStore;
    optOuts.clock = new Clock();
    courier.optOuts = optOuts;
    courier.links =
        new Links() {
          @Override
          public String api(String path) {
            return "https://desk.example/api" + path;
          }
        };
  }

  @AfterEach
  void stop() {
    twilio.stop();
  }

  @Test
  void sendsFromTheFirstNumberAndAsksForDeliveryReports() {
    Handover handover = courier.deliver(text(Map.of()));

    Received received = twilio.await(TO, m -> true);
    assertThat(handover).isEqualTo(Handover.sent(received.sid()));
    assertThat(received.from()).isEqualTo(TwilioStandIn.FROM);
    assertThat(received.body()).isEqualTo(body.orElseThrow());
    assertThat(received.statusCallback()).isEqualTo("https://desk.example/api/twilio/status");
  }

  @Test
  void aTextMaySendFromAnotherConfiguredNumber() {
    courier.deliver(text(Map.of(SmsCourier.FROM, OTHER_SENDER)));

    assertThat(twilio.await(TO, m -> true).from()).isEqualTo(OTHER_SENDER);
  }

  @Test
  void aSenderThatIsNotConfiguredIsNotUsed() {
    courier.deliver(text(Map.of(SmsCourier.FROM, "+19999999999")));

    assertThat(twilio.await(TO, m -> true).from()).isEqualTo(TwilioStandIn.FROM);
  }

  @Test
  void aNumberThatRepliedStopIsSkippedWithTheWordItSent() {
    optOutStore.save(new OptOut(TO, "Stop", Instant.parse("2026-11-24T08:30:00Z")));

    Handover handover = courier.deliver(text(Map.of()));

    assertThat(handover)
        .isEqualTo(
            Handover.skipped(
                "The number replied Stop on 2026-11-24 08:30 UTC and gets no texts until it sends"
                    + " START."));
    assertThat(twilio.received()).isEmpty();
  }

  @Test
  void aTextNoLongerNeededIsSkipped() {
    body = Optional.empty();

    assertThat(courier.deliver(text(Map.of()))).isInstanceOf(Handover.Skipped.class);
    assertThat(twilio.received()).isEmpty();
  }

  @Test
  void namesTheMissingSettingsWhenNotConfigured() {
    assertThat(courier.unconfigured()).isEmpty();

    settings.sid = Optional.empty();
    settings.senders = List.of();

    assertThat(courier.unconfigured())
        .contains(
            "Twilio is not configured (CONCIERGE_TWILIO_ACCOUNT_SID, CONCIERGE_TWILIO_FROM).");
  }

  private static Notification text(Map<String, String> data) {
    Instant now = Instant.now();
    return Notification.pending(
        "n1",
        Channel.SMS,
        NotificationKind.CRITICAL_ASSIGNMENT,
        null,
        TO,
        null,
        null,
        data,
        "k1",
        now,
        now);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
