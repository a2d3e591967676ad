package org.concierge.notify.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.util.Set;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.concierge.notify.Undeliverable;

/**
 * Sends text messages through Twilio's REST API with Twilio's own SDK. When the account names an
 * API address of its own, every request of the SDK is routed to that host instead of {@code
 * api.twilio.com}, and everything else (paths, authentication, parsing of answers and errors) stays
 * the SDK's.
 */
public class TwilioSmsSender {

  /**
   * Twilio's 4xx answers that are about the account, not the recipient: authentication (20003),
   * permission or a suspended account (403), an unknown account (404), too many requests (429).
   * Those are mended by fixing the settings or by waiting, so they are retried like an outage.
   */
  private static final Set<Integer> ACCOUNT_PROBLEMS = Set.of(401, 403, 404, 429);

  private final TwilioAccount account;
  private final TwilioRestClient client;

  public TwilioSmsSender(TwilioAccount account) {
    this.account = account;
    TwilioRestClient.Builder builder =
        new TwilioRestClient.Builder(account.accountSid(), account.authToken());
    account.apiUrl().ifPresent(url -> builder.httpClient(routedTo(url)));
    this.client = builder.build();
  }

  public TwilioAccount account() {
    return account;
  }

  /**
   * Hands one message to Twilio; its message SID.
   *
   * @throws Undeliverable when Twilio refuses the recipient for good (a 4xx about the message: an
   *     invalid or unreachable number, one that has unsubscribed)
   * @throws ApiException for anything worth another try: Twilio's 5xx, 429, a problem of the
   *     account's settings, a connection that failed
   */
  public String send(String to, String from, String body, URI statusCallback) {
    try {
      return Message.creator(new PhoneNumber(to), new PhoneNumber(from), body)
          .setStatusCallback(statusCallback)
          .create(client)
          .getSid();
    } catch (ApiException e) {
      if (refusesForGood(e)) {
        throw new Undeliverable(describe(e), e);
      }
      throw e;
    }
  }

  private static boolean refusesForGood(ApiException e) {
    Integer status = e.getStatusCode();
    return status != null && status >= 400 && status < 500 && !ACCOUNT_PROBLEMS.contains(status);
  }

  private static String describe(ApiException e) {
    return "Twilio refused the number"
        + (e.getCode() == null ? "" : " (error " + e.getCode() + ")")
        + ": "
        + e.getMessage();
  }

  /** The SDK's own HTTP client, with every request's route leading to {@code url}'s host. */
  private static NetworkHttpClient routedTo(URI url) {
    boolean secure = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : secure ? 443 : 80;
    HttpHost host = new HttpHost(url.getScheme(), url.getHost(), port);
    return new NetworkHttpClient(
        HttpClientBuilder.create()
            .setRoutePlanner((target, context) -> new HttpRoute(host, null, secure)));
  }
}
