package org.concierge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** A response as a client sees it: status, headers and body. */
public record Reply(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The {@code items} of a list answer. */
  public JsonArray items() {
    return json().getJsonArray("items");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
