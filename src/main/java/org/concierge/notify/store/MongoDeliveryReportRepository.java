package org.concierge.notify.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bson.Document;
import org.concierge.notify.DeliveryState;

/**
 * The {@code early_delivery_reports} collection: delivery reports that arrived before the send they
 * report on was recorded (a provider may call back while the worker is still waiting for its
 * answer), keyed by the provider's message id, until the send is recorded and takes them.
 */
@ApplicationScoped
public class MongoDeliveryReportRepository {

  private static final String COLLECTION = "early_delivery_reports";

  /** What the provider reported of a message. */
  public record Report(DeliveryState state, String reason) {}

  @Inject MongoDatabase database;

  public void save(String reference, Report report) {
    collection()
        .replaceOne(
            eq("_id", reference),
            new Document("_id", reference)
                .append("state", report.state().wire())
                .append("reason", report.reason()),
            new ReplaceOptions().upsert(true));
  }

  /** The report kept for {@code reference}, removed as it is taken. */
  public Optional<Report> take(String reference) {
    return Optional.ofNullable(collection().findOneAndDelete(eq("_id", reference)))
        .map(d -> new Report(DeliveryState.fromWire(d.getString("state")), d.getString("reason")));
  }

  public void remove(String reference) {
    collection().deleteOne(eq("_id", reference));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
