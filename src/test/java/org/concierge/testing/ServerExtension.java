package org.concierge.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link ConciergeServer} before the first integration test that needs it and stops it after
 * the last, whatever the number of test classes; hands tests the server, a {@link Desk}, the {@link
 * MailServer} that receives the server's emails and the {@link TwilioStandIn} that receives its
 * text messages.
 */
public final class ServerExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServerExtension.class);

  /** Closes the server, its mail server and its Twilio when the whole run is over. */
  private record Running(ConciergeServer server, MailServer mail, TwilioStandIn twilio)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.stop();
      mail.stop();
      twilio.stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ConciergeServer.class
        || type == Desk.class
        || type == Chromium.class
        || type == MailServer.class
        || type == TwilioStandIn.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ConciergeServer server = server(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == MailServer.class) {
      return running(context).mail();
    }
    if (type == TwilioStandIn.class) {
      return running(context).twilio();
    }
    if (type == Chromium.class) {
      return chromium(context, server);
    }
    return type == Desk.class ? new Desk(server) : server;
  }

  /** One browser for the whole run: starting Chromium costs about a second. */
  private static Chromium chromium(ExtensionContext context, ConciergeServer server) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            OpenBrowser.class,
            key -> new OpenBrowser(new Chromium(server.baseUri().toString())),
            OpenBrowser.class)
        .chromium();
  }

  /** Closes the browser when the whole run is over. */
  private record OpenBrowser(Chromium chromium)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      chromium.close();
    }
  }

  private static ConciergeServer server(ExtensionContext context) {
    return running(context).server();
  }

  /**
   * The mail server and Twilio start first, so that no email or text of any test meets a closed
   * port.
   */
  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Running.class,
            key -> {
              ConciergeServer server = new ConciergeServer();
              MailServer mail = new MailServer(server.smtpPort());
              mail.start();
              TwilioStandIn twilio = new TwilioStandIn(server.twilioPort());
              twilio.start();
              server.startFresh();
              return new Running(server, mail, twilio);
            },
            Running.class);
  }
}
