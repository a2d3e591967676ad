/** REST for the desk's numbers. */
package org.concierge.analytics.api;
