package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.concierge.notify.sms.SmsCourier;
import org.concierge.platform.Settings;

/**
 * The lanes paced notifications travel in, each with its own rate: every email of a broadcast
 * shares the {@code email} lane, at {@code CONCIERGE_BULK_EMAIL_PER_MINUTE}; each SMS sender number
 * is a lane of its own, {@code sms:<number>}, at {@code CONCIERGE_BULK_SMS_PER_MINUTE}.
 */
@ApplicationScoped
public class Lanes {

  @Inject Settings settings;

  public static String email() {
    return "email";
  }

  public static String sms(String from) {
    return "sms:" + from;
  }

  /** The lane of a paced notification; empty for the others, which no lane holds back. */
  public static Optional<String> of(Notification notification) {
    if (!notification.kind().paced()) {
      return Optional.empty();
    }
    return Optional.of(
        notification.channel() == Channel.SMS
            ? sms(notification.data().getOrDefault(SmsCourier.FROM, ""))
            : email());
  }

  /** The pace of the lanes of {@code channel}. */
  public Pace pace(Channel channel) {
    return new Pace(
        channel == Channel.SMS ? settings.bulkSmsPerMinute() : settings.bulkEmailPerMinute());
  }
}
