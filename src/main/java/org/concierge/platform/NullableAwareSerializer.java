package org.concierge.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Writes a record the way API.md shows it: components in declaration order, absent when null,
 * except those marked {@link JsonbNillable}, which are written as {@code null} (such as a pending
 * chat's {@code agent}). The JSON-B implementation of the server ignores that annotation on
 * records, so records that need it name this serializer.
 *
 * <p>Collections are written element by element: handed a whole list, the JSON-B implementation of
 * the server writes its elements without their own serializer (a page of chats lost {@code "agent":
 * null}) and remembers that choice for every later {@code chat} it writes.
 */
public class NullableAwareSerializer implements JsonbSerializer<Record> {

  @Override
  public void serialize(Record value, JsonGenerator generator, SerializationContext context) {
    generator.writeStartObject();
    writeLeadingMembers(value, generator);
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object item = read(value, component);
      if (item instanceof Collection<?> elements) {
        generator.writeStartArray(component.getName());
        for (Object element : elements) {
          if (element == null) {
            generator.writeNull();
          } else {
            context.serialize(element, generator);
          }
        }
        generator.writeEnd();
      } else if (item != null) {
        context.serialize(component.getName(), item, generator);
      } else if (component.getAccessor().isAnnotationPresent(JsonbNillable.class)) {
        generator.writeNull(component.getName());
      }
    }
    generator.writeEnd();
  }

  /** Members written before the record's components; none by default. */
  protected void writeLeadingMembers(Record value, JsonGenerator generator) {}

  private static Object read(Record value, RecordComponent component) {
    try {
      return component.getAccessor().invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
