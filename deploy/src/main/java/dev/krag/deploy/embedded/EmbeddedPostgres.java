package dev.krag.deploy.embedded;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, started from the binaries zonky ships in a jar, as a child process on
 * a free loopback port, with its data in a folder that outlives the run: the analytics tables
 * gather every run made with the same output folder.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  public static final String USER = "postgres";
  public static final String DATABASE = "postgres";

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    this.server = server;
  }

  public static EmbeddedPostgres start(Path dataDir) throws IOException {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        // The platform's close stops it; a hook as well, so no server outlives a JVM that ended early.
        .setRegisterShutdownHook(true)
        .start();
    EmbeddedPostgres postgres = new EmbeddedPostgres(server);
    log.info("PostgreSQL up at {} (data in {})", postgres.jdbcUrl(), dataDir);
    return postgres;
  }

  /** Local connections are trusted: the user alone, no password. */
  public String jdbcUrl() {
    return server.getJdbcUrl(USER, DATABASE);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
