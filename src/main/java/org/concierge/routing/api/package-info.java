/** REST for agents: their own status, and the list of agents with their load. */
package org.concierge.routing.api;
