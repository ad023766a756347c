package dev.krag.deploy.embedded;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j in this JVM, reached like any other through Bolt on loopback, with its store in a
 * folder that outlives the run (so a run's graph can be looked at afterwards).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  private final DatabaseManagementService dbms;
  private final String boltUri;

  private EmbeddedNeo4j(DatabaseManagementService dbms, String boltUri) {
    this.dbms = dbms;
    this.boltUri = boltUri;
  }

  public static EmbeddedNeo4j start(Path home) {
    int port = Ports.free();
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Without a size the page cache takes half the machine's memory.
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .build();
    String uri = "bolt://127.0.0.1:" + port;
    log.info("Neo4j up at {} (store in {})", uri, home);
    return new EmbeddedNeo4j(dbms, uri);
  }

  public String boltUri() {
    return boltUri;
  }

  @Override
  public void close() {
    dbms.shutdown();
  }
}
