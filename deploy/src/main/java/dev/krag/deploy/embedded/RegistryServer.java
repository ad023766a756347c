package dev.krag.deploy.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio Registry server, run from its unpacked distribution as a child process of this JVM,
 * on loopback, with its H2 database in a file so schema ids outlive a restart.
 */
public final class RegistryServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
  private static final int START_ATTEMPTS = 3;
  /** Once healthy, how soon its API must answer too. */
  private static final Duration API_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final URI api;

  private RegistryServer(Process process, URI api) {
    this.process = process;
    this.api = api;
  }

  /**
   * @param home the unpacked {@code apicurio-registry-app} distribution (holds {@code quarkus-run.jar})
   * @param dataDir where the database and the server's log go
   */
  public static RegistryServer start(Path home, Path dataDir, Duration timeout) throws IOException, InterruptedException {
    Path jar = home.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no schema registry at " + home + " (build the project first: it unpacks the registry there)");
    }
    Files.createDirectories(dataDir);
    // A port found free may be taken before the child binds it (its start takes seconds): then it
    // never answers, and is started again on other ports.
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(jar, dataDir, timeout);
      } catch (IOException e) {
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
        log.warn("schema registry start {} of {} failed ({}); starting it again on other ports", attempt, START_ATTEMPTS, e.getMessage());
      }
    }
  }

  private static RegistryServer startOnce(Path jar, Path dataDir, Duration timeout) throws IOException, InterruptedException {
    int port = Ports.free();
    int managementPort = Ports.free();
    String java = ProcessHandle.current().info().command().orElse("java");
    // The registry answers a few requests a second: the quick compiler alone, the serial collector
    // and a class archive kept beside its jar (made by its first start) halve its start and the
    // processor time it takes from the rest of the platform starting beside it.
    Process process = new ProcessBuilder(List.of(java,
        "-Xmx384m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-XX:+AutoCreateSharedArchive",
        "-XX:SharedArchiveFile=" + jar.resolveSibling("registry.jsa").toAbsolutePath(),
        "-Dquarkus.http.host=127.0.0.1",
        "-Dquarkus.http.port=" + port,
        "-Dquarkus.management.host=127.0.0.1",
        "-Dquarkus.management.port=" + managementPort,
        "-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry"),
        "-jar", jar.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("registry.log").toFile())
        .start();
    RegistryServer server = new RegistryServer(process, URI.create("http://127.0.0.1:" + port + "/apis/registry/v3"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "registry-stop"));
    try {
      server.awaitReady(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), timeout);
      server.awaitReady(URI.create(server.api + "/system/info"), API_TIMEOUT);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("schema registry up at {}", server.api);
    return server;
  }

  /** The v3 API, the URL the serdes are configured with. */
  public URI api() {
    return api;
  }

  private void awaitReady(URI health, Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("the schema registry exited with " + process.exitValue() + "; see its log");
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IOException("the schema registry did not answer " + health + " within " + timeout);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
