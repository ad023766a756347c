package dev.krag.deploy.reliability;

import dev.krag.deploy.RunWatcher;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunEvent;
import dev.krag.schemas.SerdeFactory;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.topologies.bookkeeping.RunStateAggregator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The latest state of every run and the stage each is in, read on a thread of its own from the
 * runs and run-events topics (committed records only), as a dashboard would follow a batch.
 */
final class RunsFollower implements AutoCloseable {

  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final Map<String, Stage> stages = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final SerdeFactory serdes;
  private final Thread thread;
  private volatile boolean closing;

  RunsFollower(String bootstrapServers, SerdeFactory serdes) {
    this.serdes = serdes;
    this.consumer = RunWatcher.runTopicsConsumer(bootstrapServers);
    consumer.seekToBeginning(consumer.assignment());
    thread = Thread.ofPlatform().name("runs-follower").daemon().start(this::follow);
  }

  private void follow() {
    try {
      while (!closing) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.topic().equals(Topics.RUNS.name())) {
            Run run = serdes.valueSerde(Topics.RUNS).deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (run != null) {
              runs.put(run.getRunId(), run);
            }
          } else {
            RunEvent event = serdes.valueSerde(Topics.RUN_EVENTS).deserializer().deserialize(record.topic(), record.headers(), record.value());
            if (event != null && event.getStage() != Stage.RUN) {
              stages.put(event.getRunId(), event.getStage());
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  Optional<Run> run(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  boolean finished(String runId) {
    return run(runId).filter(RunStateAggregator::isFinished).isPresent();
  }

  /** Whether a run among these is unfinished and was last heard of in this stage. */
  boolean anyIn(Collection<String> runIds, Stage stage) {
    return runIds.stream().anyMatch(id -> !finished(id) && stages.get(id) == stage);
  }

  /** The stages the unfinished runs among these were last heard of in. */
  List<Stage> stagesOf(Collection<String> runIds) {
    return runIds.stream().filter(id -> !finished(id)).map(stages::get).filter(s -> s != null).distinct().sorted().toList();
  }

  /** Waits until every one of these runs has finished; false if the time ran out first. */
  boolean awaitFinished(Collection<String> runIds, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!runIds.stream().allMatch(this::finished)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    consumer.wakeup();
    thread.join();
  }
}
