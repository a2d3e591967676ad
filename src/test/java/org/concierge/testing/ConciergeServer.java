package org.concierge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * The server under test: the WildFly the build unpacked and configured, in a base directory of its
 * own under {@code target/it}, with the test deployment (see {@link TestDeployment}) and an empty
 * data directory. One instance serves every integration test of a run.
 */
public final class ConciergeServer {

  public static final String ADMIN_EMAIL = "admin@it.example";
  public static final String ADMIN_PASSWORD = "admin-password-1";
  public static final String COMPANY_NAME = "Northwind Travel";
  public static final String MAIL_FROM = "desk@northwind.example";
  public static final String VAPID_SUBJECT = "mailto:ops@northwind.example";

  /** The key the booking system calls the booking API with. */
  public static final String BOOKING_API_KEY = "booking-system-key-of-the-tests";

  /** How long a phone verification code lasts: short, so that a test can see one expire. */
  public static final int PHONE_CODE_SECONDS = 12;

  public static final int BULK_EMAIL_PER_MINUTE = 120;
  public static final int BULK_SMS_PER_MINUTE = 60;

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path jbossHome = Path.of(System.getProperty("concierge.it.jbossHome"));
  private final Path workDir = Path.of(System.getProperty("concierge.it.workDir"));
  private final int portOffset = Integer.getInteger("concierge.it.portOffset", 100);
  private final Path baseDir = workDir.resolve("server");
  private final Path dataDir = workDir.resolve("data");
  private final boolean benchmark;
  private Process process;

  public ConciergeServer() {
    this(false);
  }

  private ConciergeServer(boolean benchmark) {
    this.benchmark = benchmark;
  }

  /**
   * A server as an installation runs it, for measuring: no mail server, so the chats' emails are
   * kept as not configured once instead of retried against a port where nothing listens, and the
   * default waits.
   */
  public static ConciergeServer forBenchmarks() {
    return new ConciergeServer(true);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + (8080 + portOffset));
  }

  /** Where the server sends its emails: GreenMail, on a port of this run's own. */
  public int smtpPort() {
    return 2525 + portOffset;
  }

  /** Where the server sends its text messages: the Twilio stand-in, on a port of this run's own. */
  public int twilioPort() {
    return 8800 + portOffset;
  }

  public URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + (8080 + portOffset) + "/ws/chat");
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The process id of the running server, for reading its memory. */
  public long pid() {
    return process.pid();
  }

  /** A fresh base and data directory, the deployment in place, then the server started. */
  public void startFresh() {
    try {
      deleteTree(workDir);
      Files.createDirectories(baseDir.resolve("deployments"));
      copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
      TestDeployment.writeTo(baseDir.resolve("deployments/ROOT.war"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /** Stops the server as an operator would (a TERM signal, then a graceful shutdown). */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Kills the server process outright (SIGKILL: no shutdown hook, no flush), as a power cut or an
   * out-of-memory killer would, then starts it again on the same data.
   */
  public void crashAndRestart() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    process = null;
    start();
  }

  /** A full stop and start of the server process; the data directory stays. */
  public void restart() {
    stop();
    start();
  }

  private void start() {
    refuseTakenPort();
    StandaloneCommandBuilder command =
        StandaloneCommandBuilder.of(jbossHome)
            .setBaseDirectory(baseDir)
            .setServerReadOnlyConfiguration("standalone-full.xml")
            .addJavaOptions(
                "-Xms64m",
                "-Xmx512m",
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djava.net.preferIPv4Stack=true");
    try {
      process =
          Launcher.of(command)
              .setRedirectErrorStream(true)
              .redirectOutput(workDir.resolve("server.log"))
              .addEnvironmentVariables(environment())
              .launch();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch WildFly from " + jbossHome, e);
    }
    awaitHealthy();
  }

  private Map<String, String> environment() {
    if (benchmark) {
      return Map.of(
          "CONCIERGE_DATA_DIR",
          dataDir.toString(),
          "CONCIERGE_ADMIN_EMAIL",
          ADMIN_EMAIL,
          "CONCIERGE_ADMIN_PASSWORD",
          ADMIN_PASSWORD,
          "CONCIERGE_TRUSTED_PROXIES",
          "127.0.0.1",
          "CONCIERGE_PUBLIC_URL",
          baseUri().toString());
    }
    return Map.ofEntries(
        Map.entry("CONCIERGE_DATA_DIR", dataDir.toString()),
        Map.entry("CONCIERGE_ADMIN_EMAIL", ADMIN_EMAIL),
        Map.entry("CONCIERGE_ADMIN_PASSWORD", ADMIN_PASSWORD),
        Map.entry("CONCIERGE_TRUSTED_PROXIES", "127.0.0.1"),
        Map.entry("CONCIERGE_ALLOWED_ORIGINS", "https://travel.example"),
        Map.entry("CONCIERGE_PUBLIC_URL", baseUri().toString()),
        Map.entry("CONCIERGE_COMPANY_NAME", COMPANY_NAME),
        Map.entry("CONCIERGE_MAIL_FROM", MAIL_FROM),
        Map.entry("CONCIERGE_SMTP_HOST", "127.0.0.1"),
        Map.entry("CONCIERGE_SMTP_PORT", String.valueOf(smtpPort())),
        Map.entry("CONCIERGE_SMTP_TLS", "none"),
        Map.entry("CONCIERGE_TWILIO_API_URL", "http://127.0.0.1:" + twilioPort()),
        Map.entry("CONCIERGE_TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID),
        Map.entry("CONCIERGE_TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN),
        Map.entry("CONCIERGE_TWILIO_FROM", TwilioStandIn.FROM + "," + TwilioStandIn.SECOND_FROM),
        // The push tests' push service listens on this machine.
        Map.entry("CONCIERGE_PUSH_ALLOW_LOOPBACK", "true"),
        Map.entry("CONCIERGE_VAPID_SUBJECT", VAPID_SUBJECT),
        Map.entry("CONCIERGE_BOOKING_API_KEY", BOOKING_API_KEY),
        Map.entry("CONCIERGE_PHONE_CODE_TTL_SECONDS", String.valueOf(PHONE_CODE_SECONDS)),
        // Short waits, so that retries and unread alerts happen within a test's patience.
        Map.entry("CONCIERGE_NOTIFY_RETRY_SECONDS", "0.5"),
        Map.entry("CONCIERGE_UNREAD_ALERT_MINUTES", "0.05"),
        // Two broadcast emails a second, and a text a second from each sender number: slow enough
        // that the pacing shows at the receivers.
        Map.entry("CONCIERGE_BULK_EMAIL_PER_MINUTE", String.valueOf(BULK_EMAIL_PER_MINUTE)),
        Map.entry("CONCIERGE_BULK_SMS_PER_MINUTE", String.valueOf(BULK_SMS_PER_MINUTE)));
  }

  /**
   * Fails fast when something already listens on the HTTP port: another build's server there would
   * answer the health check, and the tests would silently run against it.
   */
  private void refuseTakenPort() {
    int port = baseUri().getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
    } catch (IOException free) {
      return;
    }
    throw new IllegalStateException(
        "Port " + port + " is taken by another process; run with another -Dconcierge.test.offset");
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(baseUri().resolve("/api/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "WildFly exited with "
                + process.exitValue()
                + "; see "
                + workDir.resolve("server.log"));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // The server is not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        process.waitFor(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "Concierge was not healthy within "
            + START_TIMEOUT
            + "; see "
            + workDir.resolve("server.log"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
