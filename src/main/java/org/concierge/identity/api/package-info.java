/** REST for identity: sign-up, sign-in, visitors, the caller, and admin-managed staff. */
package org.concierge.identity.api;
