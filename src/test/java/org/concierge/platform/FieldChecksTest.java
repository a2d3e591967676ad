package org.concierge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class FieldChecksTest {

  private static final String PLANE = "\u2708\uFE0F"; // two code points
  private static final String FACE = "\uD83D\uDE00"; // one code point, two chars

  @Test
  void countsCodePointsNotJavaChars() {
    String faces = FACE.repeat(4000);
    assertThat(faces.length()).isEqualTo(8000);
    FieldChecks checks = new FieldChecks();
    assertThat(checks.text("text", faces, 1, 4000, true)).isEqualTo(faces);
    assertThat(checks.valid()).isTrue();

    FieldChecks tooLong = new FieldChecks();
    tooLong.text("text", faces + FACE, 1, 4000, true);
    assertThat(errorsOf(tooLong)).containsExactly("text: must be at most 4000 characters");
  }

  @Test
  void aPhoneNumberIsTakenInE164FormOnly() {
    FieldChecks checks = new FieldChecks();
    assertThat(checks.phone("phone", " +41 79 123-45-67 ", true)).isEqualTo("+41791234567");
    assertThat(checks.phone("other", null, false)).isNull();
    assertThat(checks.valid()).isTrue();

    FieldChecks national = new FieldChecks();
    national.phone("phone", "079 123 45 67", true);
    assertThat(errorsOf(national)).hasSize(1).allMatch(e -> e.startsWith("phone: must be"));
    FieldChecks missing = new FieldChecks();
    missing.phone("phone", " ", true);
    assertThat(errorsOf(missing)).containsExactly("phone: is required");
  }

  @Test
  void aCombinedEmojiCountsEachCodePoint() {
    FieldChecks checks = new FieldChecks();
    checks.text("subject", PLANE, 1, 1, false);
    assertThat(errorsOf(checks)).containsExactly("subject: must be at most 1 characters");
  }

  @Test
  void stripsSurroundingUnicodeWhitespaceAndStoresTheStrippedText() {
    FieldChecks checks = new FieldChecks();
    String raw = "\u2003\t hello " + FACE + " world\n\u3000";
    assertThat(checks.text("text", raw, 1, 15, true)).isEqualTo("hello " + FACE + " world");
    assertThat(checks.valid()).isTrue();
  }

  @Test
  void limitsApplyAfterStripping() {
    FieldChecks checks = new FieldChecks();
    assertThat(checks.text("text", "   abc   ", 1, 3, true)).isEqualTo("abc");
    assertThat(checks.valid()).isTrue();
    checks.text("name", "  ab  ", 3, 10, true);
    assertThat(errorsOf(checks)).containsExactly("name: must be at least 3 characters");
  }

  @Test
  void blankIsMissing() {
    FieldChecks checks = new FieldChecks();
    assertThat(checks.text("text", " \u2003\n ", 1, 10, true)).isNull();
    assertThat(checks.text("subject", "   ", 0, 10, false)).isNull();
    assertThat(checks.text("subject", null, 0, 10, false)).isNull();
    assertThat(checks.text("message", "  ", 1, 10, false)).isNull();
    assertThat(checks.text("phone", null, 1, 10, false)).isNull();
    assertThat(errorsOf(checks)).containsExactly("text: is required", "message: is required");
  }

  @Test
  void reportsEveryFieldAtOnce() {
    FieldChecks checks = new FieldChecks();
    checks.email("email", "not-an-email", true);
    checks.text("password", "short", 8, 100, true);
    checks.check(false, "score", "must be 1 to 5");
    Invalid invalid = catchThrowableOfType(Invalid.class, checks::throwIfInvalid);
    assertThat(invalid.errors())
        .extracting(Invalid.FieldError::field)
        .containsExactly("email", "password", "score");
    assertThat(invalid.status()).isEqualTo(400);
  }

  @Test
  void emailsAreLowerCasedAndChecked() {
    FieldChecks checks = new FieldChecks();
    assertThat(checks.email("email", "  Ann@Example.COM ", true)).isEqualTo("ann@example.com");
    assertThat(checks.valid()).isTrue();
    checks.email("email", "ann@localhost", true);
    assertThat(errorsOf(checks)).containsExactly("email: must be an email address");
  }

  @Test
  void aValidRequestPasses() {
    assertThatCode(() -> new FieldChecks().check(true, "x", "never").throwIfInvalid())
        .doesNotThrowAnyException();
  }

  private static java.util.List<String> errorsOf(FieldChecks checks) {
    Invalid invalid = catchThrowableOfType(Invalid.class, checks::throwIfInvalid);
    assertThat(invalid).as("expected a refusal").isNotNull();
    return invalid.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
  }
}
