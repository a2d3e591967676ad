package org.concierge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The operator's settings of API.md ("Operating the server"), read through MicroProfile Config so
 * that environment variables and system properties both work, under the exact names the contract
 * gives.
 */
@ApplicationScoped
public class Settings {

  public static final String DATA_DIR = "CONCIERGE_DATA_DIR";
  public static final String DATA_DIR_DEFAULT = "./data";

  @Inject Config config;

  public Optional<String> adminEmail() {
    return text("CONCIERGE_ADMIN_EMAIL");
  }

  public Optional<String> adminPassword() {
    return text("CONCIERGE_ADMIN_PASSWORD");
  }

  public Optional<String> mongoUri() {
    return text("MONGODB_URI");
  }

  public Path dataDir() {
    return Path.of(text(DATA_DIR).orElse(DATA_DIR_DEFAULT)).toAbsolutePath().normalize();
  }

  public URI publicUrl() {
    return URI.create(text("CONCIERGE_PUBLIC_URL").orElse("http://localhost:8080"));
  }

  /**
   * The travel company's page that hosts the widget, where emails and texts send travelers back to
   * their chat; empty: the server's own chat page.
   */
  public Optional<URI> chatPageUrl() {
    return text("CONCIERGE_CHAT_PAGE_URL").map(URI::create);
  }

  /** Origins (scheme://host[:port]) that browsers may call the API and open sockets from. */
  public List<String> allowedOrigins() {
    return list("CONCIERGE_ALLOWED_ORIGINS");
  }

  /**
   * Addresses of reverse proxies whose {@code X-Forwarded-For} header is believed, so that
   * throttling counts the traveler's address and not the proxy's.
   */
  public List<String> trustedProxies() {
    return list("CONCIERGE_TRUSTED_PROXIES");
  }

  public Duration tokenTtl() {
    return Duration.ofSeconds(number("CONCIERGE_TOKEN_TTL", 28_800));
  }

  /** A socket that sends nothing for this long is closed; clients ping to stay. */
  public Duration socketIdleTimeout() {
    return Duration.ofSeconds(number("CONCIERGE_SOCKET_IDLE_SECONDS", 120));
  }

  public int signupLimitPerHour() {
    return (int) number("CONCIERGE_SIGNUP_LIMIT", 600);
  }

  /** The mail server; without it, emails wait in the outbox as not configured. */
  public Optional<String> smtpHost() {
    return text("CONCIERGE_SMTP_HOST");
  }

  public int smtpPort() {
    return (int) number("CONCIERGE_SMTP_PORT", 587);
  }

  /** {@code starttls}, {@code ssl} (TLS from the first byte, usually port 465) or {@code none}. */
  public String smtpTls() {
    return text("CONCIERGE_SMTP_TLS").orElse("starttls").toLowerCase(Locale.ROOT);
  }

  public Optional<String> smtpUser() {
    return text("CONCIERGE_SMTP_USER");
  }

  public Optional<String> smtpPassword() {
    return text("CONCIERGE_SMTP_PASSWORD");
  }

  public String mailFrom() {
    return text("CONCIERGE_MAIL_FROM").orElse("concierge@localhost");
  }

  /** The name emails are signed with. */
  public String companyName() {
    return text("CONCIERGE_COMPANY_NAME").orElse("Concierge");
  }

  /** How long an agent's message may stay unread before the traveler gets an email about it. */
  public Duration unreadAlertDelay() {
    return minutes("CONCIERGE_UNREAD_ALERT_MINUTES", 10);
  }

  /** Tries of one notification before it is given up as dead. */
  public int notifyMaxAttempts() {
    return (int) Math.max(1, number("CONCIERGE_NOTIFY_MAX_ATTEMPTS", 8));
  }

  /** The wait after a first failed try; each further failure doubles it. */
  public Duration notifyRetryDelay() {
    return seconds("CONCIERGE_NOTIFY_RETRY_SECONDS", 30);
  }

  /** The Twilio account text messages are sent from; without it, SMS wait as not configured. */
  public Optional<String> twilioAccountSid() {
    return text("CONCIERGE_TWILIO_ACCOUNT_SID");
  }

  /** The account's auth token: it signs the API's requests and checks Twilio's webhooks. */
  public Optional<String> twilioAuthToken() {
    return text("CONCIERGE_TWILIO_AUTH_TOKEN");
  }

  /** The sender numbers (E.164) of the account; the first is the default. */
  public List<String> twilioFrom() {
    return list("CONCIERGE_TWILIO_FROM");
  }

  /**
   * Where the Twilio SDK's requests go instead of {@code https://api.twilio.com}: an egress proxy,
   * or a stand-in for tests.
   */
  public Optional<URI> twilioApiUrl() {
    return text("CONCIERGE_TWILIO_API_URL").map(URI::create);
  }

  /** The VAPID public key (base64url of the uncompressed P-256 point); empty: the generated one. */
  public Optional<String> vapidPublicKey() {
    return text("CONCIERGE_VAPID_PUBLIC_KEY");
  }

  /** The VAPID private key (base64url of the 32-byte P-256 scalar), the pair of the public one. */
  public Optional<String> vapidPrivateKey() {
    return text("CONCIERGE_VAPID_PRIVATE_KEY");
  }

  /**
   * The contact push services see in every push's VAPID token ({@code mailto:} or {@code https:}),
   * by default the sender address of emails.
   */
  public String vapidSubject() {
    return text("CONCIERGE_VAPID_SUBJECT").orElse("mailto:" + mailFrom());
  }

  /**
   * Whether push subscriptions may point at this machine (loopback addresses, over http too): only
   * for a local push service in tests, since the server would otherwise post to its own ports.
   */
  public boolean pushAllowLoopback() {
    return text("CONCIERGE_PUSH_ALLOW_LOOPBACK").map(Boolean::parseBoolean).orElse(false);
  }

  /**
   * The file of the server's secret key (see {@link ServerSecret}); outside {@code keys/}, which
   * holds the token pair and is written in one piece.
   */
  public Path serverKeyFile() {
    return text(ServerSecret.KEY_FILE)
        .map(Path::of)
        .orElseGet(() -> dataDir().resolve("secret").resolve("server.key"));
  }

  /** How long a phone verification code may be used. */
  public Duration phoneCodeLifetime() {
    return seconds("CONCIERGE_PHONE_CODE_TTL_SECONDS", 300);
  }

  /** Wrong tries after which a phone verification code is void. */
  public int phoneCodeAttempts() {
    return (int) Math.max(1, number("CONCIERGE_PHONE_CODE_ATTEMPTS", 5));
  }

  /** The wait before another phone verification code may be sent to the same person. */
  public Duration phoneCodeResendDelay() {
    return seconds("CONCIERGE_PHONE_CODE_RESEND_SECONDS", 60);
  }

  /** The key of the travel company's booking system for the booking API; unset, admins only. */
  public Optional<String> bookingApiKey() {
    return text("CONCIERGE_BOOKING_API_KEY");
  }

  /** How many emails of broadcasts leave per minute, all broadcasts together. */
  public int bulkEmailPerMinute() {
    return (int) Math.max(1, number("CONCIERGE_BULK_EMAIL_PER_MINUTE", 60));
  }

  /** How many text messages of broadcasts leave per minute from each sender number. */
  public int bulkSmsPerMinute() {
    return (int) Math.max(1, number("CONCIERGE_BULK_SMS_PER_MINUTE", 60));
  }

  private Duration minutes(String name, double fallback) {
    double value = text(name).map(Double::parseDouble).orElse(fallback);
    return Duration.ofMillis(Math.round(value * 60_000));
  }

  private Duration seconds(String name, double fallback) {
    double value = text(name).map(Double::parseDouble).orElse(fallback);
    return Duration.ofMillis(Math.round(value * 1_000));
  }

  private long number(String name, long fallback) {
    return text(name).map(Long::parseLong).orElse(fallback);
  }

  private List<String> list(String name) {
    return text(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  private Optional<String> text(String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }
}
