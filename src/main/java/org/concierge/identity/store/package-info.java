/** Where users are kept: the {@code users} collection, mapped with JNoSQL. */
package org.concierge.identity.store;
