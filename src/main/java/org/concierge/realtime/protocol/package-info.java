/**
 * The WebSocket protocol of API.md as types: the frames a client may send ({@link
 * org.concierge.realtime.protocol.ClientFrame}), the frames the server sends ({@link
 * org.concierge.realtime.protocol.ServerFrame}), and the one codec between them and JSON text.
 */
package org.concierge.realtime.protocol;
