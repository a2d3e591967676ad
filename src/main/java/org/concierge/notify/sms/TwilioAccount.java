package org.concierge.notify.sms;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concierge.platform.Settings;

/**
 * The Twilio account text messages go out through: its SID and auth token, its sender numbers (the
 * first is the default), and optionally the base address its API is reached at instead of Twilio's
 * own (an egress proxy, or a stand-in in tests).
 */
public record TwilioAccount(
    String accountSid, String authToken, List<String> senders, Optional<URI> apiUrl) {

  public TwilioAccount {
    senders = List.copyOf(senders);
  }

  static TwilioAccount of(Settings settings) {
    return new TwilioAccount(
        settings.twilioAccountSid().orElse(null),
        settings.twilioAuthToken().orElse(null),
        settings.twilioFrom(),
        settings.twilioApiUrl());
  }

  /** The settings still missing before anything can be sent; empty when there are none. */
  List<String> missingSettings() {
    List<String> missing = new ArrayList<>();
    if (accountSid == null) {
      missing.add("CONCIERGE_TWILIO_ACCOUNT_SID");
    }
    if (authToken == null) {
      missing.add("CONCIERGE_TWILIO_AUTH_TOKEN");
    }
    if (senders.isEmpty()) {
      missing.add("CONCIERGE_TWILIO_FROM");
    }
    return missing;
  }

  /**
   * The sender for a message that asks for {@code requested}: that number when it is one of the
   * account's senders, the default otherwise.
   */
  String sender(String requested) {
    return requested != null && senders.contains(requested) ? requested : senders.get(0);
  }
}
