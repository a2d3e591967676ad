package org.concierge.notify.api;

import org.concierge.notify.NotificationPreferences;
import org.concierge.platform.FieldChecks;

/** {@code PUT /api/me/notifications}: which channels the caller may be reached through. */
public record PreferencesRequest(Boolean email, Boolean sms) {

  NotificationPreferences validate() {
    FieldChecks checks = new FieldChecks();
    checks.check(email != null, "email", "is required (true or false)");
    checks.check(sms != null, "sms", "is required (true or false)");
    checks.throwIfInvalid();
    return new NotificationPreferences(email, sms);
  }
}
