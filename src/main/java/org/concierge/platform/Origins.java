package org.concierge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;

/**
 * Which browser origins may call the API and open sockets: the configured list, the public URL, and
 * the origin a request was itself addressed to.
 */
@ApplicationScoped
public class Origins {

  @Inject Settings settings;

  /**
   * @param origin the {@code Origin} header
   * @param requestOrigin scheme, host and port the request was addressed to
   */
  public boolean allowed(String origin, String requestOrigin) {
    String wanted = normalize(origin);
    if (wanted == null) {
      return false;
    }
    return wanted.equals(normalize(requestOrigin))
        || wanted.equals(normalize(settings.publicUrl().toString()))
        || settings.allowedOrigins().stream().map(Origins::normalize).anyMatch(wanted::equals);
  }

  /**
   * scheme://host[:port] in lower case, with the scheme's default port left out; null for what is
   * not an origin, which matches nothing.
   */
  static String normalize(String origin) {
    try {
      URI uri = URI.create(origin.strip());
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || ("http".equals(scheme) && port == 80)
              || ("https".equals(scheme) && port == 443);
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
