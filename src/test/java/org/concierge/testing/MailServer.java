package org.concierge.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SMTP server the server under test sends its emails to: GreenMail, on a port derived from the
 * run's port offset, running for the whole test run. Tests may stop and start it to play an outage.
 */
public final class MailServer {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final int port;
  private GreenMail greenMail;

  MailServer(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  /**
   * One email as received, with both alternatives of its body.
   *
   * @param receivedAt when the mail server stored it
   */
  public record Received(
      List<String> to,
      String from,
      String subject,
      String contentType,
      String text,
      String html,
      Instant receivedAt) {}

  public synchronized void start() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /**
   * Stops listening: the server's tries are refused until {@link #start()}; mail so far is lost.
   */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  /** Every email received since the last start. */
  public synchronized List<Received> received() {
    if (greenMail == null) {
      return List.of();
    }
    return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
  }

  public List<Received> to(String address) {
    return received().stream().filter(m -> m.to().contains(address)).toList();
  }

  /**
   * Waits (at most half a minute) until an email to {@code address} matching {@code wanted} has
   * arrived, and answers the first such.
   */
  public Received await(String address, Predicate<Received> wanted) {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      int seen = countReceived();
      for (Received mail : to(address)) {
        if (wanted.test(mail)) {
          return mail;
        }
      }
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0 || !arrivalAfter(seen, left)) {
        throw new AssertionError(
            "No matching email to " + address + " within " + WAIT + "; got " + to(address));
      }
    }
  }

  public Received awaitSubject(String address, String subject) {
    return await(address, mail -> mail.subject().equals(subject));
  }

  private synchronized int countReceived() {
    return greenMail == null ? 0 : greenMail.getReceivedMessages().length;
  }

  /**
   * Blocks until more than {@code seen} emails have arrived, or {@code millis} have passed; whether
   * one arrived. A stopped server receives nothing, so there is nothing to wait for.
   */
  private boolean arrivalAfter(int seen, long millis) {
    GreenMail running;
    synchronized (this) {
      running = greenMail;
    }
    if (running == null) {
      return false;
    }
    return running.waitForIncomingEmail(millis, seen + 1);
  }

  private static Received read(MimeMessage message) {
    try {
      List<String> to = new ArrayList<>();
      for (var address : message.getAllRecipients()) {
        to.add(address.toString());
      }
      String text = null;
      String html = null;
      if (message.getContent() instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (part.isMimeType("text/plain")) {
            text = (String) part.getContent();
          } else if (part.isMimeType("text/html")) {
            html = (String) part.getContent();
          }
        }
      }
      return new Received(
          to,
          message.getFrom()[0].toString(),
          message.getSubject(),
          message.getContentType(),
          text,
          html,
          message.getReceivedDate().toInstant());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
