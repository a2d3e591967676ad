package org.concierge.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.logging.Logger;
import org.concierge.platform.Settings;

/**
 * At start, makes sure the desk has an admin: the one of {@code CONCIERGE_ADMIN_EMAIL} and {@code
 * CONCIERGE_ADMIN_PASSWORD}, or one with a generated password that is printed once.
 */
@ApplicationScoped
public class FirstAdmin {

  static final String DEFAULT_EMAIL = "admin@concierge.local";
  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Inject Settings settings;
  @Inject IdentityService identity;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    String email = settings.adminEmail().orElse(DEFAULT_EMAIL).toLowerCase(Locale.ROOT);
    boolean generated = settings.adminPassword().isEmpty();
    String password = settings.adminPassword().orElseGet(FirstAdmin::randomPassword);
    identity
        .ensureFirstAdmin(email, password)
        .ifPresent(
            admin -> {
              if (generated) {
                LOG.warning(
                    () ->
                        "\n\n  Concierge created the first admin.\n  Email:    "
                            + email
                            + "\n  Password: "
                            + password
                            + "\n  This password is shown only once.\n");
              } else {
                LOG.info(() -> "Concierge created the first admin " + email);
              }
            });
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
