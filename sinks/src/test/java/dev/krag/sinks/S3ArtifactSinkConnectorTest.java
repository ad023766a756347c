package dev.krag.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class S3ArtifactSinkConnectorTest {

  private final Map<String, String> settings = new HashMap<>(Map.of(
      "s3.endpoint", "http://127.0.0.1:9000",
      "s3.bucket", "krag-video-platform",
      "s3.access.key", "krag",
      "s3.secret.key", "secret",
      "apicurio.registry.url", "http://127.0.0.1:8080/apis/registry/v3"));

  @Test
  void everyTaskGetsTheConnectorsSettings() {
    S3ArtifactSinkConnector connector = new S3ArtifactSinkConnector();
    connector.start(settings);

    assertThat(connector.taskConfigs(2)).hasSize(2).allSatisfy(task -> assertThat(task).isEqualTo(settings));
    assertThat(connector.taskClass()).isEqualTo(S3ArtifactSinkTask.class);
  }

  @Test
  void anEndpointThatIsNoHttpUrlIsRefusedBeforeAnyTaskStarts() {
    settings.put("s3.endpoint", "${S3_ENDPOINT}");

    assertThatThrownBy(() -> new S3ArtifactSinkConnector().start(settings)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("s3.endpoint").hasMessageContaining("http");
  }

  @Test
  void aMissingBucketIsRefused() {
    settings.remove("s3.bucket");

    assertThatThrownBy(() -> new S3ArtifactSinkConnector().start(settings)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("s3.bucket");
  }
}
