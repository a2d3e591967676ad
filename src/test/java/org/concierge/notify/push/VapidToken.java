package org.concierge.notify.push;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Authorization: vapid t=<JWT>, k=<key>} header of a push (RFC 8292), read as a push
 * service reads it: the token's signature is checked with the key it names.
 */
record VapidToken(JsonObject header, JsonObject claims, String key, boolean signatureValid) {

  private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

  static VapidToken parse(String authorization) throws GeneralSecurityException {
    Matcher matcher = VAPID.matcher(authorization == null ? "" : authorization);
    if (!matcher.matches()) {
      throw new AssertionError("not a VAPID authorization: " + authorization);
    }
    String[] jwt = matcher.group(1).split("\\.");
    String key = matcher.group(2);
    Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    es256.initVerify(PushBrowser.publicKey(Base64.getUrlDecoder().decode(key)));
    es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    boolean valid = es256.verify(Base64.getUrlDecoder().decode(jwt[2]));
    return new VapidToken(json(jwt[0]), json(jwt[1]), key, valid);
  }

  private static JsonObject json(String part) {
    String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
