package org.concierge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The JSON-B settings every REST body is written and read with. */
@Provider
@ApplicationScoped
public class JsonConfig implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create(config());

  /** Also used outside JAX-RS (sockets, documents), so every JSON Concierge writes agrees. */
  public static JsonbConfig config() {
    return new JsonbConfig().withAdapters(new InstantJson());
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
