/**
 * The one translation of failures into RFC 9457 problem documents: domain refusals, framework
 * errors, malformed bodies and unexpected faults. Nothing internal reaches a client.
 */
package org.concierge.platform.problem;
