package dev.krag.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.api.Ids;
import dev.krag.api.Publisher;
import dev.krag.deploy.KragConfig;
import dev.krag.deploy.Platform;
import dev.krag.deploy.RunWatcher;
import dev.krag.schemas.Run;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.RunRequested;
import dev.krag.schemas.RunStatus;
import dev.krag.schemas.Topics;
import dev.krag.stages.generate.FakeElevenLabs;
import dev.krag.stages.generate.FakeReplicate;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of stories, all requested at once, on the embedded platform with instant media (picture
 * and voice doubles that answer at once in Replicate's and ElevenLabs' wire formats): every run
 * completes with its film, and the heap a run leaves behind does not grow with the runs. It prints
 * the throughput against a pass-through topology moving as many records through as many topics.
 *
 * <p>The short version runs in the build; {@code -Dkrag.load.stories=2000} runs the long one.
 */
class LoadIT {

  private static final int STORIES = Integer.getInteger("krag.load.stories", 8);
  private static final Duration DONE = Duration.ofMinutes(10).plusSeconds(2L * STORIES);
  /** What a run may leave on the heap for good, past the first quarter of the batch. */
  private static final long HEAP_PER_RUN = 64 * 1024;
  private static final long HEAP_NOISE = 96L * 1024 * 1024;
  /** Tiny films: the batch measures the platform, not the encoder. */
  private static final RunConfig FILM = RunConfig.newBuilder().setWidth(128).setHeight(72).setFps(4).setMaxIterations(1).build();

  @TempDir Path out;

  @Test
  void everyStoryOfABatchCompletesAndTheHeapDoesNotGrowWithTheRuns() throws Exception {
    try (FakeReplicate replicate = new FakeReplicate(); FakeElevenLabs voices = new FakeElevenLabs()) {
      Map<String, String> env = Map.of(
          "KRAG_SINKS", "off",
          "REPLICATE_API_TOKEN", FakeReplicate.TOKEN, "REPLICATE_BASE_URL", replicate.baseUrl().toString(),
          "ELEVENLABS_API_KEY", FakeElevenLabs.KEY, "ELEVENLABS_BASE_URL", voices.baseUrl().toString(),
          "KRAG_VOICES", "elevenlabs:eleven_multilingual_v2/" + FakeElevenLabs.VOICE);
      // The rest of krag's settings from the environment, so that the benchmark can try, say, more stage threads.
      KragConfig config = KragConfig.from(name -> env.getOrDefault(name, System.getenv(name))).withOutDir(out);
      try (Platform platform = Platform.start(config, out.resolve("runtime"));
           RunsFollower follower = new RunsFollower(platform.bootstrapServers(), platform.serdes());
           Publisher publisher = new Publisher(platform.bootstrapServers(), platform.serdes())) {
        List<String> runs = IntStream.range(0, STORIES).mapToObj(n -> "load-" + n).toList();
        long started = System.nanoTime();
        for (int n = 0; n < STORIES; n++) {
          String text = TinyTales.text(n);
          publisher.send(Topics.RUNS_REQUESTED, runs.get(n), RunRequested.newBuilder().setRunId(runs.get(n)).setStoryId(Ids.story(text))
              .setTitle(TinyTales.title(n)).setText(text).setConfig(FILM).setRequestedAt(System.currentTimeMillis()).build());
        }
        assertThat(follower.awaitFinished(runs.subList(0, STORIES / 4), DONE)).as("the first quarter finished").isTrue();
        long quarterHeap = heapAfterCollection();
        boolean finished = follower.awaitFinished(runs, DONE);
        double seconds = (System.nanoTime() - started) / 1e9;
        long endHeap = heapAfterCollection();

        List<String> notCompleted = runs.stream().filter(id -> follower.run(id).map(Run::getStatus).orElse(null) != RunStatus.COMPLETED)
            .toList();
        assertThat(finished).as("every run finished within " + DONE + "; unfinished: " + notCompleted).isTrue();
        assertThat(notCompleted).as("runs that did not complete").isEmpty();
        for (String id : runs) {
          Run run = follower.run(id).orElseThrow();
          assertThat(run.getShots()).as(id + "'s shots").isPositive();
          assertThat(platform.assets().exists(run.getVideoPath())).as(id + "'s film in the bucket").isTrue();
        }
        long bound = quarterHeap + HEAP_NOISE + HEAP_PER_RUN * (STORIES - STORIES / 4);
        assertThat(endHeap).as("heap after collection at the end (%d MiB), against a quarter in (%d MiB)", endHeap >> 20, quarterHeap >> 20)
            .isLessThanOrEqualTo(bound);

        Traffic traffic = Traffic.of(platform.bootstrapServers());
        double floor = PassThrough.seconds(platform.bootstrapServers(), out.resolve("pass-through"), traffic.topics(), traffic.records(),
            traffic.meanBytes());
        System.out.printf(Locale.ROOT, "load: %d stories, all COMPLETED in %.1f s = %.2f runs/s; heap after collection %d MiB a quarter in, "
                + "%d MiB at the end%n", STORIES, seconds, STORIES / seconds, quarterHeap >> 20, endHeap >> 20);
        System.out.printf(Locale.ROOT, "throughput: %d records of %d bytes on average through %d topics; pass-through %.1f s; "
                + "krag / pass-through = %.1fx%n", traffic.records(), traffic.meanBytes(), traffic.topics(), floor, seconds / floor);
      }
    }
  }

  private static long heapAfterCollection() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** What a batch wrote to krag's topics: how many records, how large on average, over how many topics. */
  private record Traffic(int topics, long records, int meanBytes) {

    static Traffic of(String bootstrapServers) {
      long records = 0;
      long bytes = 0;
      int topics = 0;
      try (KafkaConsumer<byte[], byte[]> consumer = RunWatcher.committedReader(bootstrapServers, Topics.all())) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        topics = (int) partitions.stream().map(TopicPartition::topic).filter(t -> partitions.stream()
            .filter(p -> p.topic().equals(t)).anyMatch(p -> ends.get(p) > 0)).distinct().count();
        consumer.seekToBeginning(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            records++;
            bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
          }
        }
      }
      return new Traffic(topics, records, (int) (bytes / Math.max(1, records)));
    }
  }
}
