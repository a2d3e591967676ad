/** The admins' REST resource for broadcasts and its request and response records. */
package org.concierge.broadcast.api;
