package dev.krag.deploy.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3 server in this JVM on a free loopback port: s3proxy in front of jclouds' file-system blob
 * store, so every object is a plain file at {@code dataDir/<bucket>/<key>} that outlives the run.
 * It checks AWS signatures (V2 or V4) with the given keys, as a real endpoint would.
 */
public final class EmbeddedS3 implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final BlobStoreContext files;
  private final S3Proxy server;

  private EmbeddedS3(BlobStoreContext files, S3Proxy server) {
    this.files = files;
    this.server = server;
  }

  public static EmbeddedS3 start(Path dataDir, String accessKey, String secretKey) throws Exception {
    return start(dataDir, Ports.free(), accessKey, secretKey);
  }

  /** On a given port, to start a server again where its clients look for it. */
  public static EmbeddedS3 start(Path dataDir, int port, String accessKey, String secretKey) throws Exception {
    Files.createDirectories(dataDir);
    Properties overrides = new Properties();
    overrides.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
    BlobStoreContext files = ContextBuilder.newBuilder("filesystem").overrides(overrides).build(BlobStoreContext.class);
    S3Proxy server = S3Proxy.builder()
        .blobStore(files.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    EmbeddedS3 s3 = new EmbeddedS3(files, server);
    try {
      server.start();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!"STARTED".equals(server.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the embedded S3 server did not start in " + START_TIMEOUT.toSeconds() + " s: " + server.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception | Error e) {
      s3.close();
      throw e;
    }
    log.info("S3 up at {} (objects under {})", s3.endpoint(), dataDir);
    return s3;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      files.close();
    }
  }
}
