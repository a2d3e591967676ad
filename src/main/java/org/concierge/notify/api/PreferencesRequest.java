package org.concierge.notify.api;

import org.concierge.notify.NotificationPreferences;
import org.concierge.platform.FieldChecks;

/**
 * {@code PUT /api/me/notifications}: which channels the caller may be reached through. {@code push}
 * came later than the contract's two and is optional, so clients that know only those keep the
 * caller's push setting as it is.
 */
public record PreferencesRequest(Boolean email, Boolean sms, Boolean push) {

  NotificationPreferences validate(NotificationPreferences current) {
    FieldChecks checks = new FieldChecks();
    checks.check(email != null, "email", "is required (true or false)");
    checks.check(sms != null, "sms", "is required (true or false)");
    checks.throwIfInvalid();
    return new NotificationPreferences(email, sms, push == null ? current.push() : push);
  }
}
