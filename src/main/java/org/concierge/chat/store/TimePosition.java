package org.concierge.chat.store;

import java.util.Date;

/** Where a page ordered by creation time ended: the last chat's creation time and id. */
public record TimePosition(Date at, String id) {}
