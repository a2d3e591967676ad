package org.concierge.notify.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.concierge.notify.DeliveryState;
import org.concierge.notify.store.MongoNotificationRepository;

/**
 * What Twilio reports of a text it took: {@code delivered} to the phone, or {@code undelivered} /
 * {@code failed} with the carrier's error code. Its other reports ({@code queued}, {@code sending},
 * {@code sent}) say nothing the outbox does not know already.
 */
@ApplicationScoped
public class DeliveryReports {

  @Inject MongoNotificationRepository notifications;

  /**
   * Records the report of the message {@code messageSid}; a report that moves nothing is ignored.
   */
  public void reported(String messageSid, String status, String errorCode) {
    if (messageSid == null || status == null) {
      return;
    }
    switch (status.toLowerCase(Locale.ROOT)) {
      case "delivered" -> notifications.markReported(messageSid, DeliveryState.DELIVERED, null);
      case "undelivered", "failed" ->
          notifications.markReported(
              messageSid, DeliveryState.UNDELIVERED, reason(status, errorCode));
      default -> {}
    }
  }

  private static String reason(String status, String errorCode) {
    return "Twilio reported the text "
        + status.toLowerCase(Locale.ROOT)
        + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode.strip() + ")")
        + ".";
  }
}
