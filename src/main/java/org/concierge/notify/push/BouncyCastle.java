package org.concierge.notify.push;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCE provider that the web-push library asks for by name. A provider is global to
 * the JVM, while its classes belong to this deployment: it is registered while Concierge runs and
 * removed when it stops, so that a redeployment does not find one of an unloaded class loader. When
 * something else in the server registered a "BC" provider of its own classes, the library could not
 * use its keys, and push is reported as not available rather than failing at every send.
 */
@ApplicationScoped
public class BouncyCastle {

  private static final Logger LOG = Logger.getLogger(BouncyCastle.class.getName());

  private boolean registeredHere;
  private String unavailable;

  @PostConstruct
  void register() {
    Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (present == null) {
      registeredHere = Security.addProvider(new BouncyCastleProvider()) != -1;
    } else if (present.getClass() != BouncyCastleProvider.class) {
      unavailable =
          "Another application registered its own BouncyCastle provider in this server, which push"
              + " encryption cannot use.";
      LOG.severe(unavailable);
    }
  }

  @PreDestroy
  void unregister() {
    if (registeredHere) {
      Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
    }
  }

  /** Why push encryption cannot work in this server; empty when it can. */
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }
}
