package org.concierge.realtime;

/**
 * Carries fan-outs to the sockets of every node, so nothing in the endpoint assumes one server. One
 * server delivers locally ({@link LocalClusterBus}); a cluster publishes on a topic that every node
 * delivers from, each skipping what it sent itself.
 */
public interface ClusterBus {

  void publish(Fanout fanout);
}
