package org.concierge.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The cluster bus of a single server: delivers to this node's sockets, at once. */
@ApplicationScoped
public class LocalClusterBus implements ClusterBus {

  @Inject SocketRegistry sockets;

  @Override
  public void publish(Fanout fanout) {
    sockets.deliver(fanout);
  }
}
