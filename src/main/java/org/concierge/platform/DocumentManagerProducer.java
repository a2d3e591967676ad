package org.concierge.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Hands JNoSQL the store's own client, instead of letting it open a second connection from its
 * configuration keys, so mapped repositories and direct driver calls share one pool.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class DocumentManagerProducer {

  @Inject Store store;

  @Produces
  @ApplicationScoped
  @Alternative
  @Database(DatabaseType.DOCUMENT)
  DatabaseManager documentManager() {
    return new MongoDBDocumentConfiguration().get(store.client()).apply(store.databaseName());
  }
}
