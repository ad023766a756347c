package dev.krag.topologies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static StreamsSettings settings(int standbys, String rack) {
    return new StreamsSettings("kafka:9092", Path.of("state"), 2, 3, "", "", Duration.ofMinutes(5), standbys, rack);
  }

  @Test
  void aRackPlacesStandbysElsewhereAndFetchesNearby() {
    StreamsConfig config = new StreamsConfig(settings(1, "eu-west-1a").bookkeeping("krag-bookkeeping"));

    assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(config.getList(StreamsConfig.RACK_AWARE_ASSIGNMENT_TAGS_CONFIG)).containsExactly(StreamsSettings.RACK_TAG);
    assertThat(config.getClientTags()).containsEntry(StreamsSettings.RACK_TAG, "eu-west-1a");
    assertThat(config.getString(StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG))
        .isEqualTo(StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_MIN_TRAFFIC);
    assertThat(config.getMainConsumerConfigs("krag-bookkeeping", "client", 0)).containsEntry("client.rack", "eu-west-1a");
  }

  @Test
  void noRackNoTags() {
    StreamsConfig config = new StreamsConfig(settings(0, "").stages("krag-stages"));

    assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isZero();
    assertThat(config.getClientTags()).isEmpty();
    assertThat(config.getString(StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG))
        .isEqualTo(StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_NONE);
  }
}
