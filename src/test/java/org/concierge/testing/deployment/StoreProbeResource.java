package org.concierge.testing.deployment;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Lets tests read documents exactly as the store holds them, to check what it must not hold (a
 * secret in plain text): {@code /api/test/store/<collection>?field=&value=}.
 */
@Path("/test/store/{collection}")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StoreProbeResource {

  @Inject MongoDatabase database;

  @GET
  public String documents(
      @PathParam("collection") String collection,
      @QueryParam("field") String field,
      @QueryParam("value") String value) {
    List<String> found = new ArrayList<>();
    database
        .getCollection(collection)
        .find(eq(field, value))
        .forEach((Document document) -> found.add(document.toJson()));
    return "[" + String.join(",", found) + "]";
  }
}
