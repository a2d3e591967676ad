package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.concierge.platform.Settings;

/**
 * Sends emails through the SMTP server of the settings, as multipart/alternative messages (plain
 * text first, HTML preferred by clients that show it). Time-outs are short: a mail server that does
 * not answer is a failed try for the outbox to repeat, not a stuck worker.
 */
@ApplicationScoped
public class SmtpMailer {

  private static final String TIMEOUT_MILLIS = "10000";

  @Inject Settings settings;

  public boolean configured() {
    return settings.smtpHost().isPresent();
  }

  public void send(Email email) throws MessagingException {
    Session session = session();
    MimeMessage message = new IdentifiedMessage(session, email.id());
    try {
      message.setFrom(
          new InternetAddress(
              settings.mailFrom(), settings.companyName(), StandardCharsets.UTF_8.name()));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("Cannot encode the sender's name", e);
    }
    message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(email.to(), true));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    Transport.send(message);
  }

  private Session session() {
    String host = settings.smtpHost().orElseThrow();
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    switch (settings.smtpTls()) {
      case "ssl" -> {
        props.put("mail.smtp.ssl.enable", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "none" -> {}
      default -> {
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
      }
    }
    if (settings.smtpUser().isEmpty()) {
      return Session.getInstance(props);
    }
    props.put("mail.smtp.auth", "true");
    String user = settings.smtpUser().get();
    String password = settings.smtpPassword().orElse("");
    return Session.getInstance(
        props,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(user, password);
          }
        });
  }

  /** A message whose id comes from the outbox entry, the same on every try. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String id;

    IdentifiedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + "@concierge>");
    }
  }
}
