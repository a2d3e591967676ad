package org.concierge.notify.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.concierge.notify.Channel;
import org.concierge.notify.Courier;
import org.concierge.notify.Handover;
import org.concierge.notify.Notification;
import org.concierge.notify.Undeliverable;
import org.concierge.notify.push.store.MongoPushSubscriptionRepository;

/**
 * Delivers the outbox's pushes: the entry's address is the id of the push subscription it goes to.
 * The push service's answer decides what follows (RFC 8030): accepted is sent, with the push
 * message's address as the reference; a subscription the service no longer knows (404, 410) is
 * removed and the push is dead; too many requests (429) or a failing service (5xx) is a failed try
 * for the outbox to repeat; any other refusal is dead, since sending the same again cannot help.
 */
@ApplicationScoped
public class PushCourier implements Courier {

  /**
   * How long a push service keeps a push for a browser that is offline: an hour-old alert about a
   * waiting chat or a message is no news any more.
   */
  static final Duration TIME_TO_LIVE = Duration.ofHours(1);

  @Inject MongoPushSubscriptionRepository subscriptions;
  @Inject PushComposer composer;
  @Inject WebPush webPush;

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public Optional<String> unconfigured() {
    return webPush.unavailable();
  }

  @Override
  public Handover deliver(Notification notification) throws Exception {
    Optional<PushSubscription> subscription = subscriptions.find(notification.address());
    if (subscription.isEmpty()) {
      return Handover.skipped("The browser was unsubscribed before the push went out.");
    }
    PushComposer.Composition composition = composer.compose(notification);
    if (composition instanceof PushComposer.Composition.Stale stale) {
      return Handover.skipped(stale.reason());
    }
    PushComposer.Composition.Ready ready = (PushComposer.Composition.Ready) composition;
    WebPush.Answer answer =
        webPush.send(
            subscription.get(),
            ready.payload().toString().getBytes(StandardCharsets.UTF_8),
            TIME_TO_LIVE,
            ready.urgent(),
            ready.topic());
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return answer.location().map(Handover::sent).orElseGet(Handover::sent);
    }
    if (status == 404 || status == 410) {
      subscriptions.delete(subscription.get().id());
      throw new Undeliverable(
          "The push service no longer knows this browser's subscription (HTTP "
              + status
              + "); it was removed.",
          null);
    }
    if (status == 429 || status >= 500) {
      throw new IOException("The push service answered HTTP " + status + refusal(answer));
    }
    throw new Undeliverable(
        "The push service refused the push: HTTP " + status + refusal(answer), null);
  }

  private static String refusal(WebPush.Answer answer) {
    String body = answer.body() == null ? "" : answer.body().strip();
    return body.isEmpty() ? "" : " (" + (body.length() > 200 ? body.substring(0, 200) : body) + ")";
  }
}
