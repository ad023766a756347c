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
    assertThat(config.dialogueVoice()).isTrue();
  }

  @Test
  void aRoleOfItsOwnJoinsAClusterAndNamesWhatItLacks() {
    Map<String, String> cluster = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "REGISTRY_URL", "http://registry:8080/apis/registry/v3",
        "S3_ENDPOINT", "http://minio:9000", "S3_ACCESS_KEY_ID", "krag", "S3_SECRET_ACCESS_KEY", "secret", "NEO4J_URI", "bolt://neo4j:7687");

    KragConfig worker = KragConfig.from(with(cluster, "KRAG_ROLE", "worker")::get);
    assertThat(worker.role()).isEqualTo(InstanceRole.WORKER);
    assertThat(worker.managementPort()).hasValue(KragConfig.DEFAULT_MANAGEMENT_PORT);
    assertThat(KragConfig.from(Map.<String, String>of()::get).managementPort()).as("one process alone opens no second port").isEmpty();
    assertThat(KragConfig.from(Map.of("KRAG_MANAGEMENT_PORT", "9000")::get).managementPort()).hasValue(9000);

    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_ROLE", "worker")::get))
        .hasMessageContaining("KRAG_ROLE=worker").hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    Map<String, String> noGraph = new java.util.HashMap<>(cluster);
    noGraph.remove("NEO4J_URI");
    assertThatThrownBy(() -> KragConfig.from(with(noGraph, "KRAG_ROLE", "worker")::get)).hasMessageContaining("NEO4J_URI");
    assertThat(KragConfig.from(with(noGraph, "KRAG_ROLE", "api", "KRAG_SINKS", "off")::get).role()).isEqualTo(InstanceRole.API);
    assertThatThrownBy(() -> KragConfig.from(with(noGraph, "KRAG_ROLE", "api")::get)).hasMessageContaining("DATABASE_URL and CONNECT_URL");
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_ROLE", "boss")::get)).hasMessage("KRAG_ROLE must be all, api or worker, not 'boss'");
  }

  private static Map<String, String> with(Map<String, String> base, String... more) {
    Map<String, String> all = new java.util.HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }

  @Test
  void theDialogueVoiceTurnsOffAndABadSwitchNamesItsVariable() {
    assertThat(KragConfig.from(Map.of("KRAG_DIALOGUE_VOICE", "off")::get).dialogueVoice()).isFalse();
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_DIALOGUE_VOICE", "maybe")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KRAG_DIALOGUE_VOICE");
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

  @Test
  void anS3EndpointNeedsItsKeysAndTheSecretIsNeverPrinted() {
    KragConfig config = KragConfig.from(Map.of("S3_ENDPOINT", "http://minio:9000", "S3_ACCESS_KEY_ID", "operator",
        "S3_SECRET_ACCESS_KEY", "s3cret-key")::get);

    assertThat(config.storage().bucket(java.net.URI.create(config.storage().endpoint())).toString()).contains("minio:9000")
        .contains("krag-video-platform").doesNotContain("s3cret-key");
    assertThat(config.storage().toString()).doesNotContain("s3cret-key");
    assertThat(config.describe().get("bucket")).isEqualTo("http://minio:9000 / krag-video-platform");
    assertThat(KragConfig.from(Map.<String, String>of()::get).describe().get("bucket")).startsWith("embedded");
    assertThatThrownBy(() -> KragConfig.from(Map.of("S3_ENDPOINT", "http://minio:9000")::get)).hasMessageContaining("S3_ACCESS_KEY_ID");
    assertThatThrownBy(() -> KragConfig.from(Map.of("S3_ENDPOINT", "minio:9000", "S3_ACCESS_KEY_ID", "a", "S3_SECRET_ACCESS_KEY", "b")::get))
        .hasMessageContaining("S3_ENDPOINT");
  }

  @Test
  void withoutAKeyEverythingIsLocalAndWithOneOpenAiComesFirst() {
    KragConfig offline = KragConfig.from(Map.<String, String>of()::get);
    KragConfig online = KragConfig.from(Map.of("OPENAI_API_KEY", "sk-live-123")::get);

    assertThat(offline.providers().parseModels()).isEmpty();
    assertThat(offline.providers().planModels()).isEmpty();
    assertThat(offline.providers().embeddings()).isEqualTo("local");
    assertThat(online.providers().parseModels()).containsExactly("openai:gpt-4.1");
    assertThat(online.providers().planModels()).as("the cheaper model for the simpler step").containsExactly("openai:gpt-4.1-mini");
    assertThat(online.providers().embeddings()).isEqualTo("openai:text-embedding-3-large");
    assertThat(online.describe()).containsEntry("parse with", "openai:gpt-4.1 → local")
        .containsEntry("plan with", "openai:gpt-4.1-mini → local");
    assertThat(online.describe().toString() + online.providers()).doesNotContain("sk-live-123");
  }

  @Test
  void aKeyCanComeFromAFileAndALocalServerNeedsNone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path keyFile = java.nio.file.Files.writeString(dir.resolve("key"), "sk-from-file\n");

    assertThat(KragConfig.from(Map.of("OPENAI_API_KEY_FILE", keyFile.toString())::get).providers().openAiKey()).isEqualTo("sk-from-file");
    KragConfig ollama = KragConfig.from(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1", "KRAG_LLM_MODELS", "openai:llama3.1")::get);
    assertThat(ollama.providers().openAiBaseUrl().toString()).isEqualTo("http://localhost:11434/v1/");
    assertThat(ollama.providers().parseModels()).containsExactly("openai:llama3.1");
    assertThat(ollama.providers().planModels()).as("one list for every task").containsExactly("openai:llama3.1");
  }

  @Test
  void withAnAnthropicKeyTheSpecsChainIsFollowedOverTheProvidersThereAreKeysFor() {
    KragConfig both = KragConfig.from(Map.of("OPENAI_API_KEY", "sk-live-123", "ANTHROPIC_API_KEY", "sk-ant-456")::get);
    KragConfig anthropicOnly = KragConfig.from(Map.of("ANTHROPIC_API_KEY", "sk-ant-456")::get);

    assertThat(both.providers().parseModels()).containsExactly("anthropic:claude-opus-4-1", "openai:gpt-4.1",
        "anthropic:claude-sonnet-4-5");
    assertThat(both.providers().planModels()).containsExactly("anthropic:claude-sonnet-4-5", "openai:gpt-4.1-mini",
        "anthropic:claude-haiku-4-5");
    assertThat(anthropicOnly.providers().parseModels()).containsExactly("anthropic:claude-opus-4-1", "anthropic:claude-sonnet-4-5");
    KragConfig perTask = KragConfig.from(Map.of("ANTHROPIC_API_KEY", "sk-ant-456", "KRAG_LLM_MODELS", "anthropic:claude-sonnet-4-5",
        "KRAG_LLM_MODELS_PLAN", "anthropic:claude-haiku-4-5")::get);
    assertThat(perTask.providers().parseModels()).containsExactly("anthropic:claude-sonnet-4-5");
    assertThat(perTask.providers().planModels()).containsExactly("anthropic:claude-haiku-4-5");
    assertThatThrownBy(() -> KragConfig.from(Map.of("ANTHROPIC_API_KEY", "k", "KRAG_LLM_MODELS_PARSE", "openai:gpt-4.1")::get))
        .hasMessageContaining("OPENAI_API_KEY");
    assertThat(anthropicOnly.providers().embeddings()).as("Anthropic has no embeddings").isEqualTo("local");
    assertThat(both.describe().toString() + both.providers()).doesNotContain("sk-ant-456");
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_LLM_MODELS", "anthropic:claude-sonnet-4-5")::get))
        .hasMessageContaining("ANTHROPIC_API_KEY");
  }

  @Test
  void picturesAndVoicesFollowTheSpecsChainsOverTheKeysGiven() {
    KragConfig offline = KragConfig.from(Map.<String, String>of()::get);
    KragConfig all = KragConfig.from(Map.of("REPLICATE_API_TOKEN", "r8_live", "ELEVENLABS_API_KEY", "xi-live", "OPENAI_API_KEY", "sk-live")::get);
    KragConfig chosen = KragConfig.from(Map.of("OPENAI_API_KEY", "sk-live", "KRAG_IMAGE_MODELS", "openai:gpt-image-1",
        "KRAG_VOICES", "openai:tts-1-hd/nova")::get);

    assertThat(offline.providers().media().imageModels()).isEmpty();
    assertThat(offline.providers().media().voices()).isEmpty();
    assertThat(offline.describe()).containsEntry("draw with", "local").containsEntry("read with", "local");
    assertThat(all.providers().media().imageModels()).containsExactly("replicate:sdxl", "openai:dall-e-3");
    assertThat(all.providers().media().voices()).containsExactly("elevenlabs:eleven_multilingual_v2/21m00Tcm4TlvDq8ikWAM", "openai:tts-1/alloy");
    assertThat(all.describe().toString() + all.providers()).doesNotContain("r8_live").doesNotContain("xi-live");
    assertThat(chosen.providers().media().imageModels()).containsExactly("openai:gpt-image-1");
    assertThat(chosen.providers().media().voices()).containsExactly("openai:tts-1-hd/nova");
    KragConfig localMedia = KragConfig.from(Map.of("OPENAI_API_KEY", "sk-live", "KRAG_IMAGE_MODELS", "local", "KRAG_VOICES", "local",
        "KRAG_LLM_MODELS", "local")::get);
    assertThat(localMedia.providers().media().imageModels()).as("a key for one task need not pay for the others").isEmpty();
    assertThat(localMedia.providers().media().voices()).isEmpty();
    assertThat(localMedia.providers().parseModels()).isEmpty();
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_IMAGE_MODELS", "replicate:sdxl")::get)).hasMessageContaining("REPLICATE_API_TOKEN");
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_VOICES", "elevenlabs:eleven_multilingual_v2/abc")::get))
        .hasMessageContaining("ELEVENLABS_API_KEY");
    assertThatThrownBy(() -> KragConfig.from(Map.of("OPENAI_API_KEY", "k", "KRAG_VOICES", "openai:tts-1")::get))
        .hasMessageContaining("openai:<model>/<voice>");
    assertThatThrownBy(() -> KragConfig.from(Map.of("OPENAI_API_KEY", "k", "KRAG_IMAGE_MODELS", "openai:dall-e-2")::get))
        .hasMessageContaining("KRAG_IMAGE_MODELS entries");
  }

  @Test
  void aModelThatCannotBeReachedIsAConfigurationError() {
    assertThatThrownBy(() -> KragConfig.from(Map.of("KRAG_LLM_MODELS", "openai:gpt-4.1")::get)).hasMessageContaining("OPENAI_API_KEY");
    assertThatThrownBy(() -> KragConfig.from(Map.of("OPENAI_API_KEY", "k", "KRAG_LLM_MODELS", "gpt-4.1")::get))
        .hasMessageContaining("openai:<model>");
    assertThatThrownBy(() -> KragConfig.from(Map.of("OPENAI_API_KEY", "k", "KRAG_LLM_MODELS", "mistral:large")::get))
        .hasMessageContaining("anthropic:<model>");
  }
}
