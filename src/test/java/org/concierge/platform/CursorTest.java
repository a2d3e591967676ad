package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void decodesWhatItEncoded() {
    String cursor = Cursor.encode("2", "1795434930123", "65a1f0c2e4b0a1b2c3d4e5f6");
    assertThat(Cursor.decode(cursor, 3, "cursor"))
        .containsExactly("2", "1795434930123", "65a1f0c2e4b0a1b2c3d4e5f6");
  }

  @Test
  void keepsEmptyPartsAndAnyText() {
    String cursor = Cursor.encode("", "Zürich ✈", "");
    assertThat(Cursor.decode(cursor, 3, "cursor")).containsExactly("", "Zürich ✈", "");
  }

  @Test
  void isSafeInAUrl() {
    String cursor = Cursor.encode("\u00ff\u00fe\u00fd", "???", ">>>");
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesGarbageNamingTheParameter() {
    for (String garbage : new String[] {"!!!", "not base64 at all", "%%", "a"}) {
      Invalid invalid = invalid(() -> Cursor.decode(garbage, 2, "cursor"));
      assertThat(invalid.errors()).extracting(Invalid.FieldError::field).containsExactly("cursor");
    }
  }

  @Test
  void refusesACursorOfAnotherList() {
    String twoParts = Cursor.encode("1795434930123", "65a1f0c2e4b0a1b2c3d4e5f6");
    assertThat(invalid(() -> Cursor.decode(twoParts, 3, "cursor"))).isNotNull();
    assertThat(invalid(() -> Cursor.decode(Cursor.encode("a", "b", "c", "d"), 3, "cursor")))
        .isNotNull();
  }

  @Test
  void readsNumbersAndRefusesOthers() {
    assertThat(Cursor.number("42", "after")).isEqualTo(42);
    assertThat(Cursor.number("-1", "after")).isEqualTo(-1);
    Invalid invalid = invalid(() -> Cursor.number("forty-two", "after"));
    assertThat(invalid.errors()).extracting(Invalid.FieldError::field).containsExactly("after");
    assertThat(invalid(() -> Cursor.number("", "after"))).isNotNull();
    assertThat(invalid(() -> Cursor.number("99999999999999999999", "after"))).isNotNull();
  }

  private static Invalid invalid(Runnable action) {
    Invalid invalid = catchThrowableOfType(Invalid.class, action::run);
    assertThat(invalid).as("expected Invalid").isNotNull();
    return invalid;
  }
}
