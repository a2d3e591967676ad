package org.concierge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.concierge.testing.Desk;
import org.concierge.testing.Reply;

/**
 * Reading the server's outbox in tests, through the test deployment's probe, with bounded waits.
 */
final class Outboxes {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private Outboxes() {}

  /** The outbox entries to {@code address}: subject, state, attempts, lastError. */
  static List<JsonObject> entries(Desk desk, String address) {
    Reply reply =
        desk.anonymous()
            .get(
                "/api/test/outbox?address="
                    + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  /**
   * The outbox entries about one chat, oldest first: kind, channel, address, state, attempts,
   * lastError, reference.
   */
  static List<JsonObject> ofRoom(Desk desk, String roomId) {
    Reply reply = desk.anonymous().get("/api/test/outbox?room=" + roomId);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  /** The addresses of the entries of {@code kind} about one chat. */
  static List<String> addressesOf(Desk desk, String roomId, String kind) {
    return ofRoom(desk, roomId).stream()
        .filter(e -> e.getString("kind").equals(kind))
        .map(e -> e.getString("address"))
        .toList();
  }

  /** Waits until the entries to {@code address} satisfy {@code wanted}, and answers them. */
  static List<JsonObject> awaitEntries(
      Desk desk, String address, Predicate<List<JsonObject>> wanted) {
    return waiting("the outbox of " + address).until(() -> entries(desk, address), wanted::test);
  }

  /**
   * Waits until the entries to {@code address} with {@code subject} are in exactly these states.
   */
  static void awaitStates(Desk desk, String address, String subject, List<String> states) {
    awaitEntries(
        desk,
        address,
        entries ->
            entries.stream()
                .filter(e -> e.getString("subject").equals(subject))
                .map(e -> e.getString("state"))
                .sorted()
                .toList()
                .equals(states.stream().sorted().toList()));
  }

  static void await(BooleanSupplier condition, String what) {
    waiting(what).until(condition::getAsBoolean);
  }

  /** The outbox can only be read, not watched: it is read again until the condition holds. */
  private static ConditionFactory waiting(String what) {
    return Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(200));
  }
}
