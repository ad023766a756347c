package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.deploy.KragConfig;
import dev.krag.schemas.Bucket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code krag serve} as a person uses it: each endpoint it prints answers, and it stops when asked. */
class ServeIT {

  private static final Duration UP = Duration.ofMinutes(3);

  @TempDir Path out;

  @Test
  void everyPrintedEndpointAnswersUntilTheServerIsStopped() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
    KragConfig config = KragConfig.from(Map.of("KRAG_API_PORT", "0")::get).withOutDir(out);
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService serving = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> served = serving.submit(() -> ServeCommand.run(config, err, stop));
      String lines = awaitPrinted(printed, "connect", served);

      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(value(lines, "api", "\\(health: (\\S+)\\)"))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(value(lines, "api", "(\\S+)/\\{id}").replace("{id}", "") + "/run-nobody-made")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(404);

      try (Connection db = DriverManager.getConnection(value(lines, "postgres", "(jdbc:\\S+)"));
           ResultSet tables = db.createStatement().executeQuery("SELECT count(*) FROM pipeline_runs")) {
        assertThat(tables.next()).isTrue();
      }

      Bucket bucket = new Bucket(URI.create(value(lines, "s3", "(http\\S+)")), value(lines, "s3", "region (\\S+)"),
          value(lines, "s3", "bucket (\\S+)"), value(lines, "s3", "access key (\\S+)"), value(lines, "s3", "secret (\\S+)"));
      try (S3Client s3 = bucket.client()) {
        s3.headBucket(b -> b.bucket(bucket.name()));
      }

      stop.countDown();
      assertThat(served.get(2, TimeUnit.MINUTES)).isZero();
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("krag serve: stopping");
    } finally {
      stop.countDown();
      serving.shutdownNow();
    }
  }

  private static String awaitPrinted(ByteArrayOutputStream printed, String label, Future<Integer> served) throws Exception {
    long deadline = System.nanoTime() + UP.toNanos();
    while (!printed.toString(StandardCharsets.UTF_8).contains("  " + label + " ")) {
      assertThat(served.isDone()).as(() -> "serve ended early: " + printed).isFalse();
      assertThat(System.nanoTime()).as(() -> "serve up within " + UP + ": " + printed).isLessThan(deadline);
      Thread.sleep(200);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The first group of {@code pattern} on the line that starts with {@code label}. */
  private static String value(String lines, String label, String pattern) {
    String line = lines.lines().filter(l -> l.strip().startsWith(label + " ")).findFirst().orElseThrow();
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as(line + " has " + pattern).isTrue();
    return m.group(1);
  }
}
