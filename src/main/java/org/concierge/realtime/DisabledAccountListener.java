package org.concierge.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import org.concierge.identity.AccountDisabled;

/**
 * Closes a disabled account's sockets on this node with 4401, as for a bad token, so that they stop
 * hearing the queue and their chats at once. On other nodes, its open sockets last until they
 * reconnect, when authentication refuses the account.
 */
@ApplicationScoped
public class DisabledAccountListener {

  private static final CloseReason DISABLED =
      new CloseReason(CloseReason.CloseCodes.getCloseCode(4401), "This account is disabled.");

  @Inject SocketRegistry sockets;

  void onDisabled(@Observes AccountDisabled disabled) {
    sockets.closeAllOf(disabled.userId(), DISABLED);
  }
}
