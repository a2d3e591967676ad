package org.concierge.identity.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.concierge.identity.PhoneCode;
import org.concierge.platform.MongoErrors;

/**
 * The {@code phone_codes} collection: each person's latest verification code, keyed by user id.
 * Both of its races are settled by the store: two requests for a code at once (the one-document key
 * lets only one in), and two tries at once (each try is counted before it is compared, so no number
 * of parallel guesses gets more than the allowed tries).
 */
@ApplicationScoped
public class MongoPhoneCodeRepository {

  private static final String COLLECTION = "phone_codes";

  @Inject MongoDatabase database;

  /**
   * Stores {@code code} as the person's latest, unless their previous one was issued less than
   * {@code resendDelay} ago.
   *
   * @return false when the previous one is too recent
   */
  public boolean replaceIfDue(PhoneCode code, Duration resendDelay) {
    try {
      // With a recent code in place the filter matches nothing, and the upsert's insert of the
      // same id fails: one atomic step, whoever else is asking at the same moment.
      collection()
          .replaceOne(
              and(
                  eq("_id", code.userId()),
                  lte("issuedAt", Date.from(code.issuedAt().minus(resendDelay)))),
              toDocument(code),
              new ReplaceOptions().upsert(true));
      return true;
    } catch (RuntimeException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  public Optional<PhoneCode> find(String userId) {
    return Optional.ofNullable(collection().find(eq("_id", userId)).first())
        .map(MongoPhoneCodeRepository::fromDocument);
  }

  /**
   * Counts one try at the person's code, if it is still good at {@code now} and has tries left.
   *
   * @return the code with the try counted; empty when there is none that may be tried
   */
  public Optional<PhoneCode> countTry(String userId, Instant now, int maxAttempts) {
    return Optional.ofNullable(
            collection()
                .findOneAndUpdate(
                    and(
                        eq("_id", userId),
                        gt("expiresAt", Date.from(now)),
                        lt("attempts", maxAttempts)),
                    Updates.inc("attempts", 1),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(MongoPhoneCodeRepository::fromDocument);
  }

  /** Removes a code that has done its work; another code issued meanwhile stays. */
  public void delete(PhoneCode code) {
    collection().deleteOne(and(eq("_id", code.userId()), eq("codeHash", code.codeHash())));
  }

  private static Document toDocument(PhoneCode code) {
    return new Document("_id", code.userId())
        .append("phone", code.phone())
        .append("codeHash", code.codeHash())
        .append("issuedAt", Date.from(code.issuedAt()))
        .append("expiresAt", Date.from(code.expiresAt()))
        .append("attempts", code.attempts());
  }

  private static PhoneCode fromDocument(Document d) {
    return new PhoneCode(
        d.getString("_id"),
        d.getString("phone"),
        d.getString("codeHash"),
        d.getDate("issuedAt").toInstant(),
        d.getDate("expiresAt").toInstant(),
        d.getInteger("attempts", 0));
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
