package dev.krag.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.krag.api.Ids;
import dev.krag.api.Publisher;
import dev.krag.deploy.embedded.Ports;
import dev.krag.schemas.Bucket;
import dev.krag.schemas.RegistrySerdeFactory;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Story;
import dev.krag.schemas.StorySource;
import dev.krag.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stories run on two worker JVMs (one of them runs the stages alone, {@code KRAG_ROLE=worker}, as a
 * cluster's worker pods do) while one of them at a time is killed with SIGKILL and started
 * again, at random moments chosen while a run is generating, editing, or anywhere (commits
 * included). Every run must complete with the same bill, the same rows and the same objects as
 * the same story run before without a crash. Then the broker itself goes down during a run.
 *
 * <p>The short version runs in the build; {@code -Dkrag.crash.kills=12} runs the long one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

  private static final int KILLS = Integer.getInteger("krag.crash.kills", 2);
  private static final Duration RUNS_DONE = Duration.ofMinutes(Math.max(10, KILLS * 2L));
  private static final Duration ROWS_WRITTEN = Duration.ofMinutes(3);
  private static final Path STORIES = Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm");
  /** Where each kill is aimed, in turn; null: at any moment. */
  private static final List<Stage> AIMS = Arrays.asList(Stage.GENERATE, Stage.EDIT, null);
  /** Two at once, so that a kill aimed at one stage finds a run in it more often. */
  private static final List<String> TALES = List.of("26-the-old-man-and-his-grandson.txt", "43-the-fox-and-the-cat.txt");
  /** Small, short films: the test is about what a crash does to a run's records, not about pictures. */
  private static final RunConfig FILM = RunConfig.newBuilder().setWidth(480).setHeight(270).setFps(12).setMaxIterations(1)
      .setTargetDurationSeconds(20.0).build();
  private static final String STAGES_ONLY = "worker-b";
  private final Path dir = Path.of("target", "it-out", "crash-" + System.currentTimeMillis()).toAbsolutePath();
  private final int stagesOnlyManagement = Ports.free();
  private final Random random = new Random(Long.getLong("krag.crash.seed", System.nanoTime()));
  private SharedServices services;
  private SerdeFactory serdes;
  private RunsFollower follower;
  private final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeAll
  void startServicesAndWorkers() throws Exception {
    services = SharedServices.start(dir);
    for (String name : List.of("worker-a", STAGES_ONLY)) {
      Map<String, String> env = new HashMap<>(services.workerEnv(name));
      if (name.equals(STAGES_ONLY)) {
        env.putAll(Map.of("KRAG_ROLE", "worker", "KRAG_MANAGEMENT_PORT", Integer.toString(stagesOnlyManagement)));
      }
      workers.add(new WorkerProcess(name, env, dir.resolve(name + ".log")));
    }
    for (WorkerProcess worker : workers) {
      worker.spawn();
    }
    for (WorkerProcess worker : workers) {
      worker.awaitReady();
    }
    serdes = new RegistrySerdeFactory(services.registry());
    follower = new RunsFollower(services.bootstrapServers(), serdes);
  }

  @AfterAll
  void stopAll() throws Exception {
    if (follower != null) {
      follower.close();
    }
    for (WorkerProcess worker : workers) {
      worker.close();
    }
    if (services != null) {
      services.close();
    }
  }

  @Test
  @Order(1)
  void everyRunCompletesWithTheBillRowsAndObjectsOfARunWithoutCrashes() throws Exception {
    Map<String, String> baseline = new HashMap<>();
    for (String tale : TALES) {
      baseline.put(tale, submit("base-" + tale.substring(0, 2), tale));
    }
    assertThat(follower.awaitFinished(baseline.values(), RUNS_DONE)).as("the runs without crashes finished").isTrue();

    Map<String, String> crashed = new HashMap<>();
    List<String> kills = new ArrayList<>();
    Set<Stage> hit = EnumSet.noneOf(Stage.class);
    int round = 0;
    while (kills.size() < KILLS) {
      if (crashed.isEmpty() || crashed.keySet().stream().allMatch(follower::finished)) {
        round++;
        for (String tale : TALES) {
          crashed.put(submit("crash-" + round + "-" + tale.substring(0, 2), tale), tale);
        }
      }
      Stage aim = AIMS.get(kills.size() % AIMS.size());
      awaitStage(crashed.keySet(), aim, Duration.ofSeconds(90));
      Thread.sleep(random.nextInt(aim == null ? 8_000 : 1_000));
      List<Stage> during = follower.stagesOf(crashed.keySet());
      WorkerProcess victim = workers.get(random.nextInt(workers.size()));
      victim.kill();
      kills.add(victim.name() + " during " + during);
      hit.addAll(during);
      victim.start();
    }
    boolean finished = follower.awaitFinished(crashed.keySet(), RUNS_DONE);
    assertThat(finished).as("every run finished after the kills " + kills + "; unfinished: "
        + crashed.keySet().stream().filter(id -> !follower.finished(id)).toList()).isTrue();
    System.out.printf("%d kills: %s%n", kills.size(), kills);
    if (KILLS >= 2) {
      assertThat(hit).as("kills landed while runs were generating and editing").contains(Stage.GENERATE, Stage.EDIT);
    }

    try (Connection db = DriverManager.getConnection(services.jdbcUrl()); S3Client bucket = services.bucket().client()) {
      for (Map.Entry<String, String> run : crashed.entrySet()) {
        String crash = run.getKey();
        String base = baseline.get(run.getValue());
        Run ran = follower.run(crash).orElseThrow();
        Run reference = follower.run(base).orElseThrow();
        assertThat(ran.getStatus()).as(crash).isEqualTo(RunStatus.COMPLETED);
        assertThat(reference.getStatus()).as(base).isEqualTo(RunStatus.COMPLETED);
        assertThat(reference.getCostUsd()).as("the run has a bill").isPositive();
        assertThat(ran.getCostUsd()).as(crash + "'s bill, against " + base).isCloseTo(reference.getCostUsd(), offset(1e-9));
        assertThat(ran.getShots()).as(crash + "'s shots").isEqualTo(reference.getShots());

        Rows expected = rows(db, base);
        Rows actual = awaitRows(db, crash, expected);
        assertThat(actual).as(crash + "'s rows in PostgreSQL, against " + base).isEqualTo(expected);
        assertThat(objects(bucket, crash)).as(crash + "'s objects in the bucket, against " + base).isEqualTo(objects(bucket, base));
      }
    }
  }

  @Test
  @Order(2)
  void aRunCompletesThoughTheBrokerGoesDownDuringIt() throws Exception {
    String run = submit("broker-restart", TALES.getFirst());
    awaitStage(List.of(run), Stage.GENERATE, Duration.ofMinutes(3));

    services.restartBroker(Duration.ofSeconds(5));

    assertThat(follower.awaitFinished(List.of(run), RUNS_DONE)).as("the run finished after the broker came back").isTrue();
    assertThat(follower.run(run).orElseThrow().getStatus()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  @Order(3)
  void theStagesOnlyWorkerAnswersItsProbesAndScrapesWithoutCredentials() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String management = "http://127.0.0.1:" + stagesOnlyManagement;

    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    String metrics = http.send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
        .body();

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(metrics).contains("kafka_stream_").contains("jvm_memory_used_bytes");
  }

  private String submit(String runId, String tale) throws Exception {
    String text = Files.readString(STORIES.resolve(tale), StandardCharsets.UTF_8);
    String storyId = Ids.story(text);
    String title = tale.substring(3, tale.length() - 4).replace('-', ' ');
    long now = System.currentTimeMillis();
    try (Publisher publisher = new Publisher(services.bootstrapServers(), serdes)) {
      publisher.send(Topics.STORIES, storyId, Story.newBuilder().setStoryId(storyId).setTitle(title).setText(text)
          .setSource(StorySource.CLI).setCreatedAt(now).build());
      publisher.send(Topics.RUNS_REQUESTED, runId, RunRequested.newBuilder().setRunId(runId).setStoryId(storyId).setTitle(title)
          .setText(text).setConfig(FILM).setRequestedAt(now).build());
    }
    return runId;
  }

  /** Until a run among these is in the stage (any stage for null), or the time is up. */
  private void awaitStage(Collection<String> runs, Stage stage, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !(stage == null ? !follower.stagesOf(runs).isEmpty() : follower.anyIn(runs, stage))) {
      Thread.sleep(100);
    }
  }

  /** A run's rows in the analytics tables, as counts and the bill's sum. */
  private record Rows(String status, long costRows, double usd, long assetRows) {}

  private static Rows rows(Connection db, String runId) throws Exception {
    return new Rows(
        text(db, "SELECT status FROM pipeline_runs WHERE id = ?", runId),
        number(db, "SELECT count(*) FROM costs WHERE run_id = ?", runId).longValue(),
        number(db, "SELECT coalesce(sum(usd), 0) FROM costs WHERE run_id = ?", runId).doubleValue(),
        number(db, "SELECT count(*) FROM assets WHERE run_id = ?", runId).longValue());
  }

  /** The run's rows once the sinks have caught up with it, or as they are when the time is up. */
  private static Rows awaitRows(Connection db, String runId, Rows expected) throws Exception {
    long deadline = System.nanoTime() + ROWS_WRITTEN.toNanos();
    Rows rows = rows(db, runId);
    while (!rows.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      rows = rows(db, runId);
    }
    return rows;
  }

  private static String text(Connection db, String sql, String runId) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, runId);
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? result.getString(1) : null;
      }
    }
  }

  private static Number number(Connection db, String sql, String runId) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, runId);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return (Number) result.getObject(1);
      }
    }
  }

  /** The run's objects in the bucket, its id in their keys written as {run}. */
  private static Set<String> objects(S3Client bucket, String runId) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String prefix : Stream.of("assets/", "artifacts/", "outputs/").map(p -> p + runId + "/").toList()) {
      bucket.listObjectsV2Paginator(r -> r.bucket(Bucket.DEFAULT_NAME).prefix(prefix)).contents().stream()
          .map(S3Object::key).map(key -> key.replace(runId, "{run}")).forEach(keys::add);
    }
    return keys;
  }
}
