package org.concierge.platform;

import java.util.List;

/** Input that breaks the contract, with one entry per offending field. */
public final class Invalid extends DomainException {

  private final List<FieldError> errors;

  public Invalid(List<FieldError> errors) {
    super(errors.isEmpty() ? "The request is invalid." : summary(errors));
    this.errors = List.copyOf(errors);
  }

  public Invalid(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String title() {
    return "Invalid request";
  }

  private static String summary(List<FieldError> errors) {
    FieldError first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return first.field() + ": " + first.message() + more;
  }

  /** One problem with one member of the request body or one query parameter. */
  public record FieldError(String field, String message) {}
}
