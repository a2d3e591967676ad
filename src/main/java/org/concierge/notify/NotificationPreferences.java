package org.concierge.notify;

/**
 * Which channels a person lets Concierge reach them through; all are on until they say no. {@code
 * push} is the browser push an agent's dashboard subscribes to.
 */
public record NotificationPreferences(boolean email, boolean sms, boolean push) {

  public static final NotificationPreferences DEFAULT =
      new NotificationPreferences(true, true, true);

  public boolean allows(Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case SMS -> sms;
      case PUSH -> push;
    };
  }
}
