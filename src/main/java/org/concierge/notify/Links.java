package org.concierge.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.concierge.platform.Settings;

/**
 * The addresses emails and texts link to, and that Twilio calls back, built from {@code
 * CONCIERGE_PUBLIC_URL}.
 */
@ApplicationScoped
public class Links {

  @Inject Settings settings;

  /**
   * The traveler's way back to their chat: the page that hosts the widget (the company's own, or
   * the server's chat page), which opens the chat it names.
   */
  public String chat(String roomId) {
    String page = settings.chatPageUrl().map(URI::toString).orElseGet(() -> base() + "/chat/");
    String separator = page.contains("?") ? "&" : "?";
    return page + separator + "concierge-chat=" + encode(roomId);
  }

  /** The agents' dashboard, opened on the chat. */
  public String desk(String roomId) {
    return base() + "/desk/?chat=" + encode(roomId);
  }

  /** The page where the traveler rates a closed chat; {@code token} says which and proves it. */
  public String survey(String token) {
    return base() + "/survey.html#" + encode(token);
  }

  /**
   * An address of the API as the outside world calls it: {@code path} starts after {@code /api}.
   */
  public String api(String path) {
    return base() + "/api" + path;
  }

  public String home() {
    return base() + "/";
  }

  private String base() {
    String url = settings.publicUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
