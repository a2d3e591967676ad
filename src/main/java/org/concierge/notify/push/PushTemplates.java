package org.concierge.notify.push;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.concierge.notify.NotificationKind;

/**
 * The push payloads ({@code notify/<kind>.push.peb} on the class path): JSON objects written as
 * templates, every value escaped as a JSON string, so that a traveler's quotes, newlines or markup
 * stay text inside the payload.
 */
@ApplicationScoped
public class PushTemplates {

  private final PebbleEngine engine = engine();

  /** The payload of {@code kind}, parsed, so a template that is not valid JSON fails here. */
  public JsonObject render(NotificationKind kind, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(kind.template()).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (JsonReader reader = Json.createReader(new StringReader(out.toString()))) {
      return reader.readObject();
    }
  }

  private static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(PushTemplates.class.getClassLoader());
    loader.setPrefix("notify");
    loader.setSuffix(".push.peb");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .defaultEscapingStrategy(EscapeFilter.JSON_ESCAPE_STRATEGY)
        .strictVariables(true)
        .build();
  }
}
