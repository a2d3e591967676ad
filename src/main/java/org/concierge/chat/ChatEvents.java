package org.concierge.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the catalogue's events, once each, to synchronous observers and asynchronous ones (slow
 * work such as mail). {@link ChatService} publishes under the room's lock, so synchronous observers
 * see a room's changes in the order they were stored and must only queue work (socket fan-out
 * does); anything that waits belongs to an asynchronous observer. The change is already stored: an
 * observer's failure is logged, never turned into the caller's.
 */
@ApplicationScoped
class ChatEvents {

  private static final Logger LOG = Logger.getLogger(ChatEvents.class.getName());

  @Inject Event<ChatEvent> events;

  void publish(ChatEvent event) {
    try {
      events.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer failed on " + event.getClass().getSimpleName(), e);
    }
    events
        .fireAsync(event)
        .exceptionally(
            e -> {
              LOG.log(Level.WARNING, "An asynchronous observer failed", e);
              return event;
            });
  }
}
