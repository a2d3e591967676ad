package org.concierge.identity;

/** An admin disabled an account: whatever that person still has open must close. */
public record AccountDisabled(String userId) {}
