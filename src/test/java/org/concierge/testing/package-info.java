/**
 * What the integration tests share: the real WildFly the build set up, started once for the whole
 * run with Concierge deployed on a port offset, and a small HTTP client that talks to it as any
 * client of API.md would.
 */
package org.concierge.testing;
