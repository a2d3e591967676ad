package org.concierge.testing.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;
import org.concierge.chat.ChatEvent;
import org.concierge.identity.AgentStatusChanged;

/** Records every event the application fires, as synchronous and as asynchronous observers. */
@ApplicationScoped
public class EventJournal {

  /** One observed event. */
  public record Entry(String delivery, String type, String roomId, Long seq, String userId) {}

  private final List<Entry> entries = new ArrayList<>();

  void sync(@Observes ChatEvent event) {
    add("sync", event);
  }

  void async(@ObservesAsync ChatEvent event) {
    add("async", event);
  }

  void status(@Observes AgentStatusChanged event) {
    synchronized (entries) {
      entries.add(new Entry("sync", "AgentStatusChanged", null, null, event.userId()));
    }
  }

  private void add(String delivery, ChatEvent event) {
    Long seq = event instanceof ChatEvent.MessagePosted posted ? posted.message().seq() : null;
    synchronized (entries) {
      entries.add(
          new Entry(delivery, event.getClass().getSimpleName(), event.chat().id(), seq, null));
    }
  }

  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
