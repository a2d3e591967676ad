package org.concierge.platform;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The one connection to the document store: a real MongoDB when {@code MONGODB_URI} is set, the
 * embedded store otherwise. Features take the {@link MongoDatabase} it produces.
 */
@ApplicationScoped
public class Store {

  private static final String DEFAULT_DATABASE = "concierge";

  @Inject Settings settings;

  private EmbeddedStore embedded;
  private MongoClient client;

  /** Written last when connecting, so whoever sees it also sees the client and embedded store. */
  private volatile MongoDatabase database;

  @Produces
  @ApplicationScoped
  MongoDatabase database() {
    return connect();
  }

  /** True when the store answers a ping right now. */
  public boolean reachable() {
    try {
      connect().runCommand(new Document("ping", 1));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Creates a plain (non-unique) index for queries on a real MongoDB. The embedded store cannot
   * keep such indexes and scans instead, so it is not asked to.
   */
  public void secondaryIndex(MongoCollection<Document> collection, Bson keys) {
    connect();
    if (embedded == null) {
      collection.createIndex(keys);
    }
  }

  /**
   * Makes the writes acknowledged so far survive a crash of this process before a client is told
   * they are stored. A real MongoDB has already done so (majority write concern); the embedded
   * store commits its data file, shared by concurrent callers.
   */
  public void makeDurable() {
    connect();
    if (embedded != null) {
      embedded.commitAcknowledgedWrites();
    }
  }

  public String databaseName() {
    return connect().getName();
  }

  public MongoClient client() {
    connect();
    return client;
  }

  private MongoDatabase connect() {
    MongoDatabase connected = database;
    return connected != null ? connected : connectOnce();
  }

  private synchronized MongoDatabase connectOnce() {
    if (database == null) {
      Optional<String> uri = settings.mongoUri();
      if (uri.isEmpty()) {
        embedded = EmbeddedStore.start(settings.dataDir());
      }
      ConnectionString connection =
          new ConnectionString(uri.orElseGet(() -> embedded.connectionString()));
      client =
          MongoClients.create(
              MongoClientSettings.builder()
                  .applyConnectionString(connection)
                  // An acknowledged write is a stored write: acks to clients depend on it.
                  .writeConcern(uri.isPresent() ? WriteConcern.MAJORITY : WriteConcern.ACKNOWLEDGED)
                  .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                  .build());
      String name = Optional.ofNullable(connection.getDatabase()).orElse(DEFAULT_DATABASE);
      database = client.getDatabase(name);
    }
    return database;
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
