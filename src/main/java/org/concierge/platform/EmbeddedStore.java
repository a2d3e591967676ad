package org.concierge.platform;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A MongoDB-protocol server on loopback with its data in one file under the data directory. It lets
 * Concierge run with no database to install, while every query still goes through the real MongoDB
 * driver, so switching to a real MongoDB is one setting. Its own background commit runs about once
 * a second; writes a client is told are stored are committed before that answer ({@link
 * #commitAcknowledgedWrites}).
 */
final class EmbeddedStore implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedStore.class.getName());

  private final MongoServer server;
  private final H2Backend backend;
  private final String connectionString;
  private final Object commitLock = new Object();
  private final AtomicLong writes = new AtomicLong();
  private long committedWrites;

  private EmbeddedStore(MongoServer server, H2Backend backend, String connectionString) {
    this.server = server;
    this.backend = backend;
    this.connectionString = connectionString;
  }

  static EmbeddedStore start(Path dataDir) {
    Path file = dataDir.resolve("concierge.mv.db");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    H2Backend backend = new H2Backend(file.toString());
    // Current drivers refuse the wire version of MongoDB 3.6 that the server reports by default.
    backend.version(ServerVersion.MONGO_5_0);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    String uri = server.getConnectionString();
    LOG.info(() -> "Embedded store started on " + uri + " with its data in " + file);
    return new EmbeddedStore(server, backend, uri);
  }

  /**
   * Returns once every write acknowledged before the call is in the data file, so it survives the
   * server process being killed. Concurrent callers share one commit (group commit): whoever takes
   * the lock commits for all writes acknowledged so far, and the others find their writes already
   * committed.
   */
  void commitAcknowledgedWrites() {
    long mine = writes.incrementAndGet();
    synchronized (commitLock) {
      if (committedWrites >= mine) {
        return;
      }
      long upTo = writes.get();
      backend.commit();
      committedWrites = upTo;
    }
  }

  String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdown();
    LOG.info("Embedded store stopped");
  }
}
