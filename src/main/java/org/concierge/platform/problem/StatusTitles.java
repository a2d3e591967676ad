package org.concierge.platform.problem;

import java.util.Map;

/** Titles and default details for the HTTP statuses Concierge answers with. */
final class StatusTitles {

  private record Entry(String slug, String title, String detail) {}

  private static final Map<Integer, Entry> ENTRIES =
      Map.ofEntries(
          Map.entry(400, new Entry("invalid", "Invalid request", "The request is not valid.")),
          Map.entry(
              401,
              new Entry(
                  "unauthorized",
                  "Unauthorized",
                  "A valid bearer token is required: sign in and send it in the Authorization"
                      + " header.")),
          Map.entry(403, new Entry("forbidden", "Forbidden", "Your role may not do this.")),
          Map.entry(
              404,
              new Entry("not-found", "Not found", "There is nothing at this address for you.")),
          Map.entry(
              405,
              new Entry(
                  "method-not-allowed",
                  "Method not allowed",
                  "This address does not take that method.")),
          Map.entry(
              406,
              new Entry("not-acceptable", "Not acceptable", "This address answers in JSON only.")),
          Map.entry(
              409, new Entry("conflict", "Conflict", "The request conflicts with the state.")),
          Map.entry(
              413, new Entry("too-large", "Payload too large", "The request body is too large.")),
          Map.entry(
              415,
              new Entry(
                  "unsupported-media-type",
                  "Unsupported media type",
                  "Send the body as application/json.")),
          Map.entry(
              429, new Entry("rate-limited", "Too many requests", "Slow down and try again.")),
          Map.entry(
              500,
              new Entry(
                  "internal",
                  "Internal error",
                  "Something went wrong on our side; it has been logged.")),
          Map.entry(
              503,
              new Entry(
                  "unavailable", "Service unavailable", "The service is not ready; try again.")));

  private StatusTitles() {}

  static String slug(int status) {
    return entry(status).slug();
  }

  static String title(int status) {
    return entry(status).title();
  }

  static String detail(int status) {
    return entry(status).detail();
  }

  private static Entry entry(int status) {
    return ENTRIES.getOrDefault(
        status, new Entry("http-" + status, "HTTP " + status, "The request failed."));
  }
}
