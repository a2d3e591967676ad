package org.concierge.chat.store;

import java.util.Date;

/** Where a page of the queue ended: the last chat's priority rank, creation time and id. */
public record QueuePosition(int rank, Date createdAt, String id) {}
