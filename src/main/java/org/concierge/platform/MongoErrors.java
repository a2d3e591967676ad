package org.concierge.platform;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Reading the store's refusals, wherever a mapping layer may have wrapped them. */
public final class MongoErrors {

  private MongoErrors() {}

  /** True when a unique index refused the write. */
  public static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoWriteException write
          && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
    }
    return false;
  }
}
