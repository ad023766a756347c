package dev.krag.topologies.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.schemas.Stage;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunTracing;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class StageProcessorTest {

  private final Map<String, String> seen = new HashMap<>();

  /** A stage that notes the logging context it ran in, and fails when told to. */
  private StageProcessor<String> stage(boolean fails) {
    StageProcessor<String> processor = new StageProcessor<>(Stage.GENERATE, RunTracing.OFF) {
      @Override
      void handle(String value, Outputs out) {
        seen.putAll(MDC.getCopyOfContextMap());
        if (fails) {
          throw new IllegalStateException("the painter ran out of paint");
        }
      }

      @Override
      String runId(String value) {
        return "run-7";
      }

      @Override
      String subject(String value) {
        return "shot-3";
      }
    };
    processor.init(new MockProcessorContext<>());
    return processor;
  }

  @Test
  void whatIsLoggedDuringAStageNamesTheRunTheStageAndTheShot() {
    stage(false).process(new Record<>("run-7", "task", 0L));

    assertThat(seen).containsEntry(StageProcessor.RUN_ID, "run-7").containsEntry(StageProcessor.STAGE, "generate")
        .containsEntry(StageProcessor.SHOT_ID, "shot-3");
    assertThat(MDC.getCopyOfContextMap()).as("nothing left for the next record").isNullOrEmpty();
  }

  @Test
  void aFailedStageLeavesNoContextBehind() {
    assertThatThrownBy(() -> stage(true).process(new Record<>("run-7", "task", 0L))).isInstanceOf(StageFailedException.class);

    assertThat(seen).containsEntry(StageProcessor.RUN_ID, "run-7");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }
}
