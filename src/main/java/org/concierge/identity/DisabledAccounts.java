package org.concierge.identity;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.concierge.identity.store.MongoUserRepository;

/**
 * The ids of disabled accounts, kept in memory so that every request and socket can refuse a
 * disabled account's token without asking the store. The set is read again from the store every few
 * seconds, which brings in what admins did on other nodes, and this node's own changes apply at
 * once.
 */
@ApplicationScoped
public class DisabledAccounts {

  static final Duration REFRESH = Duration.ofSeconds(3);
  private static final Logger LOG = Logger.getLogger(DisabledAccounts.class.getName());

  @Inject MongoUserRepository users;
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile Set<String> ids = Set.of();
  private ScheduledFuture<?> refreshing;

  @PostConstruct
  void start() {
    refresh();
    refreshing =
        scheduler.scheduleWithFixedDelay(
            this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    refreshing.cancel(false);
  }

  public boolean isDisabled(String userId) {
    return ids.contains(userId);
  }

  /**
   * Records a change this node has just stored. It waits for a refresh under way, whose reading may
   * predate the change, so that the refresh cannot undo it.
   */
  synchronized void changed(String userId, boolean disabled) {
    Set<String> next = new HashSet<>(ids);
    if (disabled) {
      next.add(userId);
    } else {
      next.remove(userId);
    }
    ids = Set.copyOf(next);
  }

  private synchronized void refresh() {
    ids = Set.copyOf(users.disabledIds());
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The store is away for a moment: the last known set stays in force until it is back.
      LOG.log(Level.FINE, "Could not read the disabled accounts", e);
    }
  }
}
