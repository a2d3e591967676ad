package org.concierge.notify.sms;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.concierge.notify.Links;
import org.concierge.platform.Forbidden;
import org.concierge.platform.Settings;

/**
 * Tells Twilio's webhook calls from anyone else's: Twilio signs each call with the account's auth
 * token over the address it called and the form it sent ({@code X-Twilio-Signature}). The address
 * is rebuilt from {@code CONCIERGE_PUBLIC_URL}, since behind a proxy the server does not see the
 * one Twilio used.
 */
@ApplicationScoped
public class TwilioSignatures {

  @Inject Settings settings;
  @Inject Links links;

  /**
   * Accepts the call to {@code path} (after {@code /api}, with its query string, if any) only when
   * {@code signature} is Twilio's over it and {@code form}.
   *
   * @throws Forbidden for a missing or wrong signature, or when no auth token is configured
   */
  public void verify(String path, String query, Map<String, String> form, String signature) {
    String token =
        settings
            .twilioAuthToken()
            .orElseThrow(
                () -> new Forbidden("Twilio is not configured (CONCIERGE_TWILIO_AUTH_TOKEN)."));
    if (signature == null || signature.isBlank()) {
      throw new Forbidden("The request carries no X-Twilio-Signature.");
    }
    String url = links.api(path) + (query == null || query.isEmpty() ? "" : "?" + query);
    if (!new RequestValidator(token).validate(url, form, signature)) {
      throw new Forbidden("The X-Twilio-Signature does not match this request.");
    }
  }
}
