package org.concierge.notify.sms;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.concierge.notify.NotificationKind;

/**
 * The text message templates ({@code notify/<kind>.sms.peb} on the class path), rendered with
 * Pebble as plain text: nothing is escaped, since a phone shows the characters as they are, and a
 * variable the model lacks is an error rather than a silent gap in the message.
 */
@ApplicationScoped
public class SmsTemplates {

  private final PebbleEngine engine = engine();

  /** The message's text, without the template file's surrounding blank lines. */
  public String render(NotificationKind kind, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(kind.template()).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().strip();
  }

  private static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(SmsTemplates.class.getClassLoader());
    loader.setPrefix("notify");
    loader.setSuffix(".sms.peb");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(false)
        .strictVariables(true)
        .build();
  }
}
