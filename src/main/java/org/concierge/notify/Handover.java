package org.concierge.notify;

import java.util.Optional;

/** What became of a notification a {@link Courier} was given. */
public sealed interface Handover {

  /** Handed to the provider, with the provider's id for it when it gave one. */
  record Sent(Optional<String> reference) implements Handover {}

  /** Not sent because it is no longer wanted, for the reason given. */
  record Skipped(String reason) implements Handover {}

  static Handover sent() {
    return new Sent(Optional.empty());
  }

  static Handover sent(String reference) {
    return new Sent(Optional.of(reference));
  }

  static Handover skipped(String reason) {
    return new Skipped(reason);
  }
}
