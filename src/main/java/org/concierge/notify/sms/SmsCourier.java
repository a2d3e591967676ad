package org.concierge.notify.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.concierge.notify.Channel;
import org.concierge.notify.Courier;
import org.concierge.notify.Handover;
import org.concierge.notify.Links;
import org.concierge.notify.Notification;
import org.concierge.platform.Settings;

/**
 * Renders a text message from its outbox entry and hands it to Twilio, asking Twilio to report its
 * delivery to {@code /api/twilio/status}. A number that replied STOP is skipped, checked at the
 * moment of sending, so nothing queued before the STOP goes out after it.
 */
@ApplicationScoped
public class SmsCourier implements Courier {

  /**
   * The key of a notification's data that picks its sender among the configured numbers (bulk texts
   * spread their load over several).
   */
  public static final String FROM = "from";

  static final String STATUS_PATH = "/twilio/status";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject Settings settings;
  @Inject SmsComposer composer;
  @Inject OptOuts optOuts;
  @Inject Links links;

  /** The sender of the account last used; a new one when the settings name another account. */
  private volatile TwilioSmsSender sender;

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public Optional<String> unconfigured() {
    List<String> missing = TwilioAccount.of(settings).missingSettings();
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("Twilio is not configured (" + String.join(", ", missing) + ").");
  }

  @Override
  public Handover deliver(Notification notification) {
    Optional<OptOut> optOut = optOuts.of(notification.address());
    if (optOut.isPresent()) {
      return Handover.skipped(
          "The number replied "
              + optOut.get().keyword()
              + " on "
              + TIME.format(optOut.get().at())
              + " and gets no texts until it sends START.");
    }
    Optional<String> body = composer.compose(notification);
    if (body.isEmpty()) {
      return Handover.skipped("The chat was closed before the text went out.");
    }
    TwilioSmsSender twilio = sender();
    String from = twilio.account().sender(notification.data().get(FROM));
    String sid =
        twilio.send(notification.address(), from, body.get(), URI.create(links.api(STATUS_PATH)));
    return Handover.sent(sid);
  }

  private TwilioSmsSender sender() {
    TwilioAccount account = TwilioAccount.of(settings);
    TwilioSmsSender current = sender;
    if (current == null || !current.account().equals(account)) {
      current = new TwilioSmsSender(account);
      sender = current;
    }
    return current;
  }
}
