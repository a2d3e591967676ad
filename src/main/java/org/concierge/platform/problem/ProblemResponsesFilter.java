package org.concierge.platform.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, once for all endpoints, that every error answers {@code application/problem+json}:
 * adds the Problem schema and gives it to each 4xx and 5xx response.
 */
public class ProblemResponsesFilter implements OASFilter {

  private static final String REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .filter(operation -> operation.getResponses() != null)
        .forEach(
            operation -> {
              if (operation.getSecurity() != null
                  && !operation.getSecurity().isEmpty()
                  && !operation.getResponses().hasAPIResponse("401")) {
                operation
                    .getResponses()
                    .addAPIResponse(
                        "401",
                        OASFactory.createAPIResponse()
                            .description("No valid bearer token (missing, invalid or expired)"));
              }
              Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
              responses.forEach(
                  (code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                      response.setContent(problemContent());
                    }
                  });
            });
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
  }

  private static Schema problemSchema() {
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .addProperty("field", text)
            .addProperty("message", text);
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details; errors lists each invalid field")
        .required(List.of("type", "title", "status", "detail"))
        .addProperty("type", text)
        .addProperty("title", text)
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", text)
        .addProperty(
            "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
  }
}
