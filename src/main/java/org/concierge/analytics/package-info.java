/** The desk's numbers: the overview of chats, agents, response times and satisfaction. */
package org.concierge.analytics;
