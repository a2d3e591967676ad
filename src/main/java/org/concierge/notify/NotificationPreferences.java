package org.concierge.notify;

/** Which channels a person lets Concierge reach them through; both are on until they say no. */
public record NotificationPreferences(boolean email, boolean sms) {

  public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true);

  public boolean allows(Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case SMS -> sms;
      case PUSH -> true;
    };
  }
}
