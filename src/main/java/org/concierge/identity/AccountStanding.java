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
 * Whether a token still speaks for its account. A token names a role and lasts hours, but an admin
 * may disable the account or make an admin an agent meanwhile: such a token is refused. The
 * disabled accounts and the agents are kept in memory, so that every request and socket is checked
 * without asking the store. Both are read again from the store every few seconds, which brings in
 * what admins did on other nodes; this node's own changes apply at once.
 */
@ApplicationScoped
public class AccountStanding {

  static final Duration REFRESH = Duration.ofSeconds(3);
  private static final Logger LOG = Logger.getLogger(AccountStanding.class.getName());

  /** What the store said, changed since by this node. */
  private record Known(Set<String> disabled, Set<String> agents) {}

  @Inject MongoUserRepository users;
  @Resource ManagedScheduledExecutorService scheduler;

  private volatile Known known = new Known(Set.of(), Set.of());
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

  /**
   * False when the account is disabled, or when the token says admin and the account is an agent
   * now. A token of an agent made admin goes on working, with an agent's rights.
   */
  public boolean admits(String userId, Role tokenRole) {
    Known now = known;
    if (now.disabled().contains(userId)) {
      return false;
    }
    return tokenRole != Role.ADMIN || !now.agents().contains(userId);
  }

  /**
   * Records a change this node has just stored. It waits for a refresh under way, whose reading may
   * predate the change, so that the refresh cannot undo it.
   */
  synchronized void changed(String userId, Role role, boolean disabled) {
    Set<String> disabledNow = new HashSet<>(known.disabled());
    Set<String> agentsNow = new HashSet<>(known.agents());
    toggle(disabledNow, userId, disabled);
    toggle(agentsNow, userId, role == Role.AGENT);
    known = new Known(Set.copyOf(disabledNow), Set.copyOf(agentsNow));
  }

  private static void toggle(Set<String> ids, String userId, boolean member) {
    if (member) {
      ids.add(userId);
    } else {
      ids.remove(userId);
    }
  }

  private synchronized void refresh() {
    known = new Known(Set.copyOf(users.disabledIds()), Set.copyOf(users.idsOf(Role.AGENT)));
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The store is away for a moment: what was known stays in force until it is back.
      LOG.log(Level.FINE, "Could not read the accounts' standing", e);
    }
  }
}
