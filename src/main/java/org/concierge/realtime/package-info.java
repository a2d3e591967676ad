/**
 * Real time: the WebSocket endpoint of API.md, the registry of this node's sockets by room, the
 * broadcaster that turns chat events into frames, and the cluster bus that carries them to every
 * node. A socket never waits for another: each has its own bounded outbound queue.
 */
package org.concierge.realtime;
