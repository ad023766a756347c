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

  @Test
  void aQdrantUrlMovesTheVectorsThereAndItsKeyIsNeverPrinted() {
    KragConfig config = KragConfig.from(Map.of("QDRANT_URL", "https://vectors.example:6443", "QDRANT_API_KEY", "s3cret")::get);

    assertThat(config.qdrant().enabled()).isTrue();
    assertThat(config.qdrant().host()).isEqualTo("vectors.example");
    assertThat(config.qdrant().port()).isEqualTo(6443);
    assertThat(config.qdrant().tls()).isTrue();
    assertThat(config.describe().toString() + config.qdrant()).doesNotContain("s3cret");
    assertThat(KragConfig.from(Map.of("QDRANT_URL", "http://qdrant")::get).qdrant().port()).isEqualTo(6334);
    assertThat(KragConfig.from(Map.<String, String>of()::get).qdrant().enabled()).isFalse();
    assertThatThrownBy(() -> KragConfig.from(Map.of("QDRANT_URL", "qdrant:6334")::get)).hasMessageContaining("QDRANT_URL");
  }
}
