package org.concierge.notify.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.concierge.notify.sms.OptOut;

/**
 * The {@code sms_opt_outs} collection: one document per phone number that asked for no more texts,
 * keyed by the number in E.164; opting in again removes it.
 */
@ApplicationScoped
public class MongoSmsOptOutRepository {

  private static final String COLLECTION = "sms_opt_outs";

  @Inject MongoDatabase database;

  public void save(OptOut optOut) {
    collection()
        .replaceOne(
            eq("_id", optOut.phone()),
            new Document("_id", optOut.phone())
                .append("keyword", optOut.keyword())
                .append("at", Date.from(optOut.at())),
            new ReplaceOptions().upsert(true));
  }

  public void remove(String phone) {
    collection().deleteOne(eq("_id", phone));
  }

  public Optional<OptOut> find(String phone) {
    return Optional.ofNullable(collection().find(eq("_id", phone)).first())
        .map(
            d ->
                new OptOut(
                    d.getString("_id"), d.getString("keyword"), d.getDate("at").toInstant()));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
