package org.concierge.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link ConciergeServer} before the first integration test that needs it and stops it after
 * the last, whatever the number of test classes; hands tests the server and a {@link Desk}.
 */
public final class ServerExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServerExtension.class);

  /** Closes the server when the whole run is over. */
  private record Running(ConciergeServer server)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.stop();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ConciergeServer.class || type == Desk.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ConciergeServer server = server(context);
    return parameter.getParameter().getType() == Desk.class ? new Desk(server) : server;
  }

  private static ConciergeServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Running.class,
            key -> {
              ConciergeServer server = new ConciergeServer();
              server.startFresh();
              return new Running(server);
            },
            Running.class)
        .server();
  }
}
