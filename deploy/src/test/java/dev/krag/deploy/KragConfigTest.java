package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KragConfigTest {

  @Test
  void defaultsRunOnOneMachineWithNoServices() {
    KragConfig config = KragConfig.from(Map.<String, String>of()::get);

    assertThat(config.kafkaBootstrap()).isEmpty();
    assertThat(config.registryUrl()).isEmpty();
    assertThat(config.run().getWidth()).isEqualTo(1280);
    assertThat(config.run().getHeight()).isEqualTo(720);
  }

  @Test
  void environmentVariablesOverrideTheDefaults() {
    KragConfig config = KragConfig.from(Map.of("KRAG_WIDTH", "1920", "KRAG_HEIGHT", "1080", "KRAG_MAX_ITERATIONS", "3",
        "KAFKA_BOOTSTRAP_SERVERS", "broker:9092")::get);

    assertThat(config.run().getWidth()).isEqualTo(1920);
    assertThat(config.run().getMaxIterations()).isEqualTo(3);
    assertThat(config.describe()).containsEntry("kafka", "broker:9092");
  }

  @Test
  void aBadValueNamesItsVariable() {
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_FPS", "fast")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KRAG_FPS");
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_WIDTH", "1279")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
  }
}
