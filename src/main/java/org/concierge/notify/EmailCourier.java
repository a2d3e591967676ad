package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Optional;

/** Renders an email from its outbox entry and hands it to the SMTP server. */
@ApplicationScoped
public class EmailCourier implements Courier {

  @Inject EmailComposer composer;
  @Inject SmtpMailer mailer;

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Optional<String> unconfigured() {
    return mailer.configured()
        ? Optional.empty()
        : Optional.of("No mail server is configured (CONCIERGE_SMTP_HOST).");
  }

  @Override
  public Handover deliver(Notification notification) throws MessagingException {
    Optional<Email> email = composer.compose(notification);
    if (email.isEmpty()) {
      return Handover.skipped("The message was read or the chat closed before it was sent.");
    }
    mailer.send(email.get());
    return Handover.sent();
  }
}
