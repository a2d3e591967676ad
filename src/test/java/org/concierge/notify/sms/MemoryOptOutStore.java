package org.concierge.notify.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.concierge.notify.store.MongoSmsOptOutRepository;

/** The opt-out list in memory, for unit tests. */
final class MemoryOptOutStore extends MongoSmsOptOutRepository {

  private final Map<String, OptOut> byPhone = new HashMap<>();

  @Override
  public void save(OptOut optOut) {
    byPhone.put(optOut.phone(), optOut);
  }

  @Override
  public void remove(String phone) {
    byPhone.remove(phone);
  }

  @Override
  public Optional<OptOut> find(String phone) {
    return Optional.ofNullable(byPhone.get(phone));
  }
}
