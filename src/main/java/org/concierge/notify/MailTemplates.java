package org.concierge.notify;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The email templates ({@code notify/*.peb} on the class path), rendered with Pebble: the HTML
 * alternative with every value escaped, the text alternative as written. Both kinds extend a layout
 * of their own, which carries the company's name and the footer.
 */
@ApplicationScoped
public class MailTemplates {

  /** Both alternatives of a body. */
  public record Bodies(String text, String html) {}

  private final PebbleEngine html = engine(".html.peb", true);
  private final PebbleEngine text = engine(".txt.peb", false);

  public Bodies render(NotificationKind kind, Map<String, Object> model) {
    return new Bodies(render(text, kind, model), render(html, kind, model));
  }

  private static String render(
      PebbleEngine engine, NotificationKind kind, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(kind.template()).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static PebbleEngine engine(String suffix, boolean escapeHtml) {
    ClasspathLoader loader = new ClasspathLoader(MailTemplates.class.getClassLoader());
    loader.setPrefix("notify");
    loader.setSuffix(suffix);
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(escapeHtml)
        .strictVariables(true)
        .build();
  }
}
