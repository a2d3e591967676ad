package org.concierge.realtime.protocol;

import jakarta.json.stream.JsonGenerator;
import org.concierge.platform.NullableAwareSerializer;

/** Writes a server frame as one JSON object: its {@code type} first, then its members. */
public class FrameSerializer extends NullableAwareSerializer {

  @Override
  protected void writeLeadingMembers(Record value, JsonGenerator generator) {
    generator.write("type", ((ServerFrame) value).type());
  }
}
