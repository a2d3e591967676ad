package org.concierge.platform;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
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
 */
public class NullableAwareSerializer implements JsonbSerializer<Record> {

  /** Writes nested records that name this class; it keeps no state. */
  private static final NullableAwareSerializer NESTED = new NullableAwareSerializer();

  @Override
  public void serialize(Record value, JsonGenerator generator, SerializationContext context) {
    generator.writeStartObject();
    writeLeadingMembers(value, generator);
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object item = read(value, component);
      if (item != null) {
        generator.writeKey(component.getName());
        write(item, generator, context);
      } else if (component.getAccessor().isAnnotationPresent(JsonbNillable.class)) {
        generator.writeNull(component.getName());
      }
    }
    generator.writeEnd();
  }

  /**
   * Records that name this serializer are written by it wherever they sit, list elements included:
   * Yasson skips a class's own serializer for the elements of a list and caches its default one for
   * the class, after which even a top-level value of it would lose its nulls.
   */
  private void write(Object item, JsonGenerator generator, SerializationContext context) {
    if (item instanceof Record record && writtenHere(record.getClass())) {
      NESTED.serialize(record, generator, context);
    } else if (item instanceof Collection<?> items) {
      generator.writeStartArray();
      for (Object element : items) {
        if (element == null) {
          generator.writeNull();
        } else {
          write(element, generator, context);
        }
      }
      generator.writeEnd();
    } else {
      context.serialize(item, generator);
    }
  }

  private static boolean writtenHere(Class<?> type) {
    JsonbTypeSerializer serializer = type.getAnnotation(JsonbTypeSerializer.class);
    return serializer != null && serializer.value() == NullableAwareSerializer.class;
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
