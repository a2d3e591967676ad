package org.concierge.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.concierge.notify.Undeliverable;
import org.concierge.testing.TwilioStandIn;
import org.concierge.testing.TwilioStandIn.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK, routed to the stand-in, and how its answers are told apart. */
class TwilioSmsSenderTest {

  private static final URI CALLBACK = URI.create("https://desk.example/api/twilio/status");

  private TwilioStandIn twilio;
  private TwilioSmsSender sender;

  @BeforeEach
  void start() {
    twilio = new TwilioStandIn(freePort());
    twilio.start();
    sender =
        new TwilioSmsSender(
            new TwilioAccount(
                TwilioStandIn.ACCOUNT_SID,
                TwilioStandIn.AUTH_TOKEN,
                List.of(TwilioStandIn.FROM),
                Optional.of(URI.create(twilio.baseUrl()))));
  }

  @AfterEach
  void stop() {
    twilio.stop();
  }

  @Test
  void sendsTheMessageWithTheAccountsCredentialsAndAnswersItsSid() {
    String sid = sender.send("+41791234567", TwilioStandIn.FROM, "Grüezi & hello", CALLBACK);

    Received received = twilio.await("+41791234567", m -> true);
    assertThat(received.sid()).isEqualTo(sid).startsWith("SM");
    assertThat(received.from()).isEqualTo(TwilioStandIn.FROM);
    assertThat(received.body()).isEqualTo("Grüezi & hello");
    assertThat(received.statusCallback()).isEqualTo(CALLBACK.toString());
    assertThat(received.user()).isEqualTo(TwilioStandIn.ACCOUNT_SID);
    assertThat(received.password()).isEqualTo(TwilioStandIn.AUTH_TOKEN);
  }

  @Test
  void eachMessageGetsItsOwnSid() {
    String first = sender.send("+41791234567", TwilioStandIn.FROM, "one", CALLBACK);
    String second = sender.send("+41791234567", TwilioStandIn.FROM, "two", CALLBACK);

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void anInvalidNumberIsUndeliverableWithTwiliosCode() {
    twilio.refuse("+15005550001", 400, 21211, "The 'To' number +15005550001 is not valid.");

    assertThatThrownBy(() -> sender.send("+15005550001", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(Undeliverable.class)
        .hasMessageContaining("21211")
        .hasMessageContaining("is not valid");
  }

  @Test
  void anUnsubscribedNumberIsUndeliverable() {
    twilio.refuse("+15005550002", 400, 21610, "Attempt to send to unsubscribed recipient");

    assertThatThrownBy(() -> sender.send("+15005550002", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(Undeliverable.class)
        .hasMessageContaining("21610");
  }

  @Test
  void twiliosOwnFailuresAndRateLimitsAreWorthAnotherTry() {
    twilio.refuse("+15005550003", 500, 20500, "Internal Server Error");
    twilio.refuse("+15005550004", 429, 20429, "Too Many Requests");

    assertThatThrownBy(() -> sender.send("+15005550003", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(ApiException.class)
        .isNotInstanceOf(Undeliverable.class);
    assertThatThrownBy(() -> sender.send("+15005550004", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(ApiException.class)
        .isNotInstanceOf(Undeliverable.class);
  }

  @Test
  void aWrongAuthTokenIsASettingToFixNotAnUndeliverableNumber() {
    TwilioSmsSender wrongToken =
        new TwilioSmsSender(
            new TwilioAccount(
                TwilioStandIn.ACCOUNT_SID,
                "not-the-token",
                List.of(TwilioStandIn.FROM),
                Optional.of(URI.create(twilio.baseUrl()))));

    assertThatThrownBy(() -> wrongToken.send("+41791234567", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(ApiException.class)
        .isNotInstanceOf(Undeliverable.class);
    assertThat(twilio.received()).isEmpty();
  }

  @Test
  void anUnreachableApiIsWorthAnotherTry() {
    twilio.stop();

    assertThatThrownBy(() -> sender.send("+41791234567", TwilioStandIn.FROM, "hi", CALLBACK))
        .isInstanceOf(ApiException.class)
        .isNotInstanceOf(Undeliverable.class);
    assertThat(twilio.received()).isEmpty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
