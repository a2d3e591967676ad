/** REST for chats: the traveler's, the agent's and the admin's side of every conversation. */
package org.concierge.chat.api;
