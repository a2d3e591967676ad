package org.concierge.notify;

import java.util.Optional;

/**
 * Hands the notifications of one channel to the service that delivers them: a mail server, Twilio,
 * a browser's push service. The outbox worker finds the courier of each notification's channel, so
 * a new channel is a new courier and nothing else changes in the worker.
 */
public interface Courier {

  Channel channel();

  /** Why nothing can be sent by this channel, naming the missing setting; empty when configured. */
  Optional<String> unconfigured();

  /**
   * Delivers one notification. Any exception is a failed try that the outbox repeats after its
   * backoff, except {@link Undeliverable}, which no retry can mend.
   */
  Handover deliver(Notification notification) throws Exception;
}
