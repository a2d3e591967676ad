package org.concierge.testing.deployment;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Turns a room's stored messages back into what an earlier version wrote (an ObjectId for each
 * message's id) and forgets that the store was upgraded, so that a restart must upgrade it again.
 */
@Path("/test/former-store")
@RequestScoped
@PermitAll
public class FormerStoreProbeResource {

  @Inject MongoDatabase database;

  @POST
  public void formerMessageIds(@QueryParam("room") String room) {
    MongoCollection<Document> messages = database.getCollection("messages");
    List<Document> stored = messages.find(eq("roomId", room)).into(new ArrayList<>());
    for (Document message : stored) {
      messages.deleteOne(eq("_id", message.get("_id")));
      messages.insertOne(new Document(message).append("_id", new ObjectId().toHexString()));
    }
    database.getCollection("upgrades").deleteMany(new Document());
  }
}
