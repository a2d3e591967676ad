/** Who serves the desk: agents' status and their load of active chats. */
package org.concierge.routing;
