package org.concierge.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A stand-in for Twilio's Messages API, in the test JVM: WireMock on port {@code 8800 + offset}
 * answering {@code POST /2010-04-01/Accounts/{sid}/Messages.json} as Twilio does (201 and the
 * message's JSON with a fresh {@code sid}, status {@code queued}, dates in RFC 2822). The server
 * under test reaches it through the real Twilio SDK ({@code CONCIERGE_TWILIO_API_URL}). It keeps
 * every message it accepted, with what it was sent and when it arrived, across stops and starts; a
 * stopped stand-in refuses connections, as an outage does. Requests that do not authenticate as
 * {@link #ACCOUNT_SID} with {@link #AUTH_TOKEN} are refused with 401 (code 20003), as Twilio does.
 * A number may be made to fail with Twilio's error JSON, such as 400 with code 21211 for an invalid
 * number.
 */
public final class TwilioStandIn {

  /** The account the server is configured with; requests must authenticate as it. */
  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

  public static final String AUTH_TOKEN = "twilio-auth-token-of-the-tests";

  /** The default sender, first of {@code CONCIERGE_TWILIO_FROM}. */
  public static final String FROM = "+15005550006";

  /** A second configured sender number, which a notification may choose through {@code from}. */
  public static final String SECOND_FROM = "+15005550007";

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String TRANSFORMER = "twilio-messages";
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  /**
   * One message as the stand-in accepted it.
   *
   * @param user the basic-auth user name of the request, the account SID
   * @param password the basic-auth password, the auth token
   * @param receivedAt when the request arrived, by the stand-in's clock
   */
  public record Received(
      String sid,
      String to,
      String from,
      String body,
      String statusCallback,
      String user,
      String password,
      Instant receivedAt) {}

  /** A delivery report the stand-in sends before it answers a message to one number. */
  private record EarlyReport(String status, String errorCode) {}

  /** How the stand-in refuses messages to one number: Twilio's HTTP status and error code. */
  private record Refusal(int status, int code, String message) {}

  private final int port;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
  private final Map<String, EarlyReport> earlyReports = new ConcurrentHashMap<>();
  private final AtomicLong sids = new AtomicLong();
  private WireMockServer server;

  public TwilioStandIn(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  /** The base address the server's SDK is pointed at. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts listening (again, after {@link #stop()}); the messages received so far stay. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    WireMockServer started =
        new WireMockServer(
            options()
                .port(port)
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .extensions(new MessagesTransformer()));
    started.stubFor(
        post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
            .willReturn(aResponse().withTransformers(TRANSFORMER)));
    started.start();
    server = started;
  }

  /** Stops listening: every request of the server is refused until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * From now on, answers messages to {@code phone} with Twilio's error: the HTTP {@code status} and
   * Twilio's error {@code code} (400 and 21211 for a number that is not valid, say).
   */
  public void refuse(String phone, int status, int code, String message) {
    refusals.put(phone, new Refusal(status, code, message));
  }

  /**
   * From now on, reports each message to {@code phone} as {@code status} (with {@code errorCode},
   * or none when null) to the message's StatusCallback, signed as Twilio signs it, before it
   * answers the request that sent the message: the report then arrives before the sender knows the
   * message's SID, as Twilio's quick reports sometimes do.
   */
  public void reportBeforeAnswering(String phone, String status, String errorCode) {
    earlyReports.put(phone, new EarlyReport(status, errorCode));
  }

  /** Every message accepted so far, in the order they arrived. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The messages accepted to {@code phone}, in the order they arrived. */
  public List<Received> to(String phone) {
    return received.stream().filter(m -> m.to().equals(phone)).toList();
  }

  /** Waits (at most a minute) until a message to {@code phone} matches {@code wanted}. */
  public Received await(String phone, Predicate<Received> wanted) {
    return Awaitility.await("a text to " + phone)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> to(phone).stream().filter(wanted).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  /** Waits (at most a minute) until {@code count} messages to {@code phone} have arrived. */
  public List<Received> awaitCount(String phone, int count) {
    return Awaitility.await(count + " texts to " + phone)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> to(phone), found -> found.size() >= count);
  }

  /** Records each message and answers it as Twilio would, or with the number's refusal. */
  private final class MessagesTransformer implements ResponseDefinitionTransformerV2 {

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Instant now = Instant.now();
      LoggedRequest request = event.getRequest();
      Map<String, String> form = form(request.getBodyAsString());
      String to = form.getOrDefault("To", "");
      String[] credentials = basicAuth(request.getHeader("Authorization"));
      Refusal refusal =
          ACCOUNT_SID.equals(credentials[0]) && AUTH_TOKEN.equals(credentials[1])
              ? refusals.get(to)
              : new Refusal(401, 20003, "Authenticate");
      if (refusal != null) {
        return json(
            refusal.status(),
            Json.createObjectBuilder()
                .add("code", refusal.code())
                .add("message", refusal.message())
                .add("more_info", "https://www.twilio.com/docs/errors/" + refusal.code())
                .add("status", refusal.status()));
      }
      String sid = String.format("SM%032x", sids.incrementAndGet());
      received.add(
          new Received(
              sid,
              to,
              form.getOrDefault("From", ""),
              form.getOrDefault("Body", ""),
              form.get("StatusCallback"),
              credentials[0],
              credentials[1],
              now));
      EarlyReport early = earlyReports.get(to);
      if (early != null && form.get("StatusCallback") != null) {
        report(form.get("StatusCallback"), sid, early);
      }
      String account = request.getUrl().split("/")[3];
      String date = RFC_2822.format(now);
      JsonObjectBuilder message =
          Json.createObjectBuilder()
              .add("account_sid", account)
              .add("api_version", "2010-04-01")
              .add("body", form.getOrDefault("Body", ""))
              .add("date_created", date)
              .add("date_updated", date)
              .addNull("date_sent")
              .add("direction", "outbound-api")
              .addNull("error_code")
              .addNull("error_message")
              .add("from", form.getOrDefault("From", ""))
              .addNull("messaging_service_sid")
              .add("num_media", "0")
              .add("num_segments", "1")
              .addNull("price")
              .add("price_unit", "USD")
              .add("sid", sid)
              .add("status", "queued")
              .add("to", to)
              .add("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
      return json(201, message);
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return TRANSFORMER;
    }

    private static ResponseDefinition json(int status, JsonObjectBuilder body) {
      return aResponse()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(body.build().toString())
          .build();
    }
  }

  /** Posts a delivery report of message {@code sid} to {@code callback}, signed as Twilio does. */
  private static void report(String callback, String sid, EarlyReport report) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", ACCOUNT_SID);
    form.put("MessageSid", sid);
    form.put("MessageStatus", report.status());
    if (report.errorCode() != null) {
      form.put("ErrorCode", report.errorCode());
    }
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(callback))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", TwilioWebhooks.sign(callback, form, AUTH_TOKEN))
            .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhooks.encode(form)))
            .build();
    try {
      HTTP.send(post, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(decode(key), decode(value));
    }
    return fields;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The user and password of a basic {@code Authorization} header; empty strings without one. */
  private static String[] basicAuth(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new String[] {"", ""};
    }
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new String[] {decoded, ""}
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
