package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class OriginsTest {

  @Test
  void leavesOutTheDefaultPortOfTheScheme() {
    assertThat(Origins.normalize("https://travel.example:443")).isEqualTo("https://travel.example");
    assertThat(Origins.normalize("http://travel.example:80")).isEqualTo("http://travel.example");
    assertThat(Origins.normalize("https://travel.example")).isEqualTo("https://travel.example");
  }

  @Test
  void keepsOtherPorts() {
    assertThat(Origins.normalize("https://travel.example:80"))
        .isEqualTo("https://travel.example:80");
    assertThat(Origins.normalize("http://travel.example:443"))
        .isEqualTo("http://travel.example:443");
    assertThat(Origins.normalize("http://localhost:8180")).isEqualTo("http://localhost:8180");
  }

  @Test
  void ignoresCaseOfSchemeAndHostAndSurroundingBlanks() {
    assertThat(Origins.normalize(" HTTPS://Travel.EXAMPLE:443 "))
        .isEqualTo("https://travel.example");
  }

  @Test
  void neverMatchesWhatIsNotAnOrigin() {
    assertThat(Origins.normalize("null")).isNull();
    assertThat(Origins.normalize("not a url")).isNull();
    Origins origins = origins(Map.of("CONCIERGE_ALLOWED_ORIGINS", "https://travel.example"));
    assertThat(origins.allowed("null", "http://127.0.0.1:8180")).isFalse();
    assertThat(origins.allowed("", "http://127.0.0.1:8180")).isFalse();
    assertThat(origins.allowed("travel.example", "http://127.0.0.1:8180")).isFalse();
    assertThat(origins.allowed("not a url", "not a url")).isFalse();
  }

  @Test
  void allowsTheConfiguredListThePublicUrlAndTheRequestsOwnOrigin() {
    Origins origins =
        origins(
            Map.of(
                "CONCIERGE_ALLOWED_ORIGINS",
                " https://travel.example , http://partner.example:8443",
                "CONCIERGE_PUBLIC_URL",
                "https://desk.example.com/"));
    String self = "http://127.0.0.1:8180";
    assertThat(origins.allowed("https://TRAVEL.example:443", self)).isTrue();
    assertThat(origins.allowed("http://partner.example:8443", self)).isTrue();
    assertThat(origins.allowed("https://desk.example.com", self)).isTrue();
    assertThat(origins.allowed("http://127.0.0.1:8180", self)).isTrue();

    assertThat(origins.allowed("https://evil.example", self)).isFalse();
    assertThat(origins.allowed("http://travel.example", self)).isFalse();
    assertThat(origins.allowed("http://partner.example", self)).isFalse();
    assertThat(origins.allowed("https://travel.example.evil.example", self)).isFalse();
  }

  @Test
  void withoutSettingsOnlyTheServersOwnOriginsAreAllowed() {
    Origins origins = origins(Map.of());
    assertThat(origins.allowed("http://localhost:8080", "http://127.0.0.1:8180")).isTrue();
    assertThat(origins.allowed("http://127.0.0.1:8180", "http://127.0.0.1:8180")).isTrue();
    assertThat(origins.allowed("https://travel.example", "http://127.0.0.1:8180")).isFalse();
  }

  private static Origins origins(Map<String, String> values) {
    Settings settings = new Settings();
    settings.config = new MapConfig(values);
    Origins origins = new Origins();
    origins.settings = settings;
    return origins;
  }

  /** Settings as an operator would give them, with nothing else behind. */
  private record MapConfig(Map<String, String> values) implements Config {

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new IllegalArgumentException();
    }
  }
}
