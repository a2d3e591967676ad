package org.concierge.realtime.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import org.concierge.chat.api.ChatRequests;
import org.concierge.platform.JsonConfig;

/**
 * The one translation between JSON text and frames. Decoding checks every member a frame needs, so
 * the endpoint deals only with well-formed frames; a malformed one becomes a {@link BadFrame}
 * answered with an {@code error} frame, never a closed socket.
 */
@ApplicationScoped
public class FrameCodec {

  private final Jsonb jsonb = JsonbBuilder.create(JsonConfig.config());

  public String encode(ServerFrame frame) {
    return jsonb.toJson(frame);
  }

  /**
   * @throws BadFrame {@code bad_request} for anything that is not a frame of the protocol, {@code
   *     too_long} for a message text over 4,000 characters
   */
  public ClientFrame decode(String text) {
    JsonObject json = parse(text);
    String ref = ref(json);
    String type = optionalString(json, "type", ref);
    if (type == null) {
      throw new BadFrame("bad_request", "A frame needs a type.", ref);
    }
    return switch (type) {
      case "auth" -> new ClientFrame.Auth(requiredString(json, "token", ref));
      case "join" -> new ClientFrame.Join(roomId(json, ref), optionalSeq(json, "afterSeq", ref));
      case "leave" -> new ClientFrame.Leave(roomId(json, ref));
      case "message" -> message(json, ref);
      case "typing" ->
          new ClientFrame.Typing(roomId(json, ref), requiredBoolean(json, "typing", ref));
      case "read" -> new ClientFrame.Read(roomId(json, ref), requiredSeq(json, "seq", ref));
      case "ping" -> new ClientFrame.Ping();
      default -> throw new BadFrame("bad_request", "Unknown frame type: " + type + ".", ref);
    };
  }

  private static ClientFrame.Send message(JsonObject json, String ref) {
    String roomId = roomId(json, ref);
    String clientId = requiredString(json, "clientId", ref);
    if (clientId.isEmpty() || clientId.length() > ChatRequests.CLIENT_ID_MAX) {
      throw new BadFrame("bad_request", "clientId must be 1 to 64 characters.", ref);
    }
    String body = requiredString(json, "text", ref).strip();
    if (body.isEmpty()) {
      throw new BadFrame("bad_request", "A message needs text.", ref);
    }
    if (body.codePointCount(0, body.length()) > ChatRequests.TEXT_MAX) {
      throw new BadFrame("too_long", "A message is at most 4,000 characters.", ref);
    }
    return new ClientFrame.Send(roomId, clientId, body);
  }

  private static JsonObject parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new BadFrame("bad_request", "A frame is one JSON object.", null);
    }
  }

  /** What an error about this frame refers to: its clientId, else its roomId. */
  private static String ref(JsonObject json) {
    for (String key : new String[] {"clientId", "roomId"}) {
      if (json.get(key) instanceof JsonString value) {
        return value.getString();
      }
    }
    return null;
  }

  private static String roomId(JsonObject json, String ref) {
    String roomId = requiredString(json, "roomId", ref);
    if (roomId.isEmpty() || roomId.length() > 64) {
      throw new BadFrame("bad_request", "roomId is not a room.", ref);
    }
    return roomId;
  }

  private static String requiredString(JsonObject json, String key, String ref) {
    String value = optionalString(json, key, ref);
    if (value == null) {
      throw new BadFrame("bad_request", "This frame needs " + key + ".", ref);
    }
    return value;
  }

  private static String optionalString(JsonObject json, String key, String ref) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    throw new BadFrame("bad_request", key + " must be a string.", ref);
  }

  private static boolean requiredBoolean(JsonObject json, String key, String ref) {
    JsonValue value = json.get(key);
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw new BadFrame("bad_request", key + " must be true or false.", ref);
  }

  private static long requiredSeq(JsonObject json, String key, String ref) {
    if (json.get(key) == null) {
      throw new BadFrame("bad_request", "This frame needs " + key + ".", ref);
    }
    return optionalSeq(json, key, ref);
  }

  private static long optionalSeq(JsonObject json, String key, String ref) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      return 0;
    }
    if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
      return number.longValue();
    }
    throw new BadFrame("bad_request", key + " must be a whole number, 0 or more.", ref);
  }
}
