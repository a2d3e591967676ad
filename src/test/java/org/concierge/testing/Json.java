package org.concierge.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Short JSON bodies for tests: {@code Json.of("email", e, "password", p)}; and reading JSON. */
public final class Json {

  private Json() {}

  public static JsonObject of(Object... keysAndValues) {
    JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = (String) keysAndValues[i];
      Object value = keysAndValues[i + 1];
      if (value == null) {
        builder.addNull(key);
      } else if (value instanceof Integer number) {
        builder.add(key, number);
      } else if (value instanceof Long number) {
        builder.add(key, number);
      } else if (value instanceof Boolean flag) {
        builder.add(key, flag);
      } else if (value instanceof jakarta.json.JsonValue json) {
        builder.add(key, json);
      } else if (value instanceof java.util.List<?> list) {
        var array = jakarta.json.Json.createArrayBuilder();
        list.forEach(item -> array.add(String.valueOf(item)));
        builder.add(key, array);
      } else {
        builder.add(key, value.toString());
      }
    }
    return builder.build();
  }

  /** Any JSON text as its value. */
  public static JsonValue read(String text) {
    try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
