package org.concierge.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameBytesTest {

  @Test
  void countsTheBytesATextTakesInUtf8() {
    for (String text :
        new String[] {
          "", "ascii", "caf\u00e9", "\u20ac10", "\uD83D\uDE00 grin", "\u00e9\u20ac\uD83D\uDE00"
        }) {
      assertThat(ChatSocketEndpoint.utf8Length(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void countsALoneSurrogateAsTheReplacementItBecomes() {
    assertThat(ChatSocketEndpoint.utf8Length("\uD83D")).isEqualTo(3);
  }
}
