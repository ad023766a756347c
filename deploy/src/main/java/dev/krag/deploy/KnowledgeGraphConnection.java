package dev.krag.deploy;

import dev.krag.deploy.KragConfig.Neo4jSettings;
import dev.krag.deploy.embedded.EmbeddedNeo4j;
import dev.krag.stages.knowledge.Neo4jKnowledgeGraph;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The knowledge graph's database: the configured Neo4j, or an embedded one under the output
 * folder, reached through the driver with the platform spec's pool (50) and timeout (30 s).
 */
public final class KnowledgeGraphConnection implements AutoCloseable {

  static final int POOL_SIZE = 50;
  static final int CONNECTION_TIMEOUT_SECONDS = 30;

  private final EmbeddedNeo4j embedded;
  private final String uri;
  private final Driver driver;
  private final Neo4jKnowledgeGraph graph;

  private KnowledgeGraphConnection(EmbeddedNeo4j embedded, String uri, Driver driver, Neo4jKnowledgeGraph graph) {
    this.embedded = embedded;
    this.uri = uri;
    this.driver = driver;
    this.graph = graph;
  }

  public static KnowledgeGraphConnection open(Neo4jSettings settings, Path embeddedHome) {
    EmbeddedNeo4j embedded = settings.uri().isEmpty() ? EmbeddedNeo4j.start(embeddedHome) : null;
    String uri = embedded != null ? embedded.boltUri() : settings.uri();
    AuthToken auth = embedded != null || settings.password().isEmpty()
        ? AuthTokens.none() : AuthTokens.basic(settings.user(), settings.password());
    Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
        .withMaxConnectionPoolSize(POOL_SIZE)
        .withConnectionTimeout(CONNECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .withTelemetryDisabled(true)
        .build());
    try {
      driver.verifyConnectivity();
      return new KnowledgeGraphConnection(embedded, uri, driver, new Neo4jKnowledgeGraph(driver, settings.database()).ensureSchema());
    } catch (RuntimeException e) {
      driver.close();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  public Neo4jKnowledgeGraph graph() {
    return graph;
  }

  /** Where Neo4j answers Bolt, for a person with a Neo4j client. */
  public String uri() {
    return uri;
  }

  public Driver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
