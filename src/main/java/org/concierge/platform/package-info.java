/**
 * What every feature stands on: settings, the document store (embedded or a real MongoDB), JSON,
 * the problem+json error contract, browser-facing headers and the health endpoint.
 */
package org.concierge.platform;
