package org.concierge.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Reads a body that a client may leave out entirely, as for closing a chat with no reason: no body,
 * whatever its media type, is null; a body must be a JSON object of the given shape.
 */
public final class OptionalBody {

  private OptionalBody() {}

  public static <T> T parse(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (Jsonb jsonb = JsonbBuilder.create(JsonConfig.config())) {
      return jsonb.fromJson(body, type);
    } catch (JsonbException e) {
      throw new Invalid("body", "must be a JSON object");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
