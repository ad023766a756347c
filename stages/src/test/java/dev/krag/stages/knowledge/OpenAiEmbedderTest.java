package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.stages.llm.FakeOpenAi;
import dev.krag.stages.llm.HttpJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenAI embeddings against a local server speaking the provider's wire format. */
class OpenAiEmbedderTest {

  private final FakeOpenAi openAi = new FakeOpenAi();
  private final OpenAiEmbedder embedder =
      new OpenAiEmbedder(openAi.baseUrl(), "sk-test", "text-embedding-3-large", new HttpJson(HttpJson.Policy.DEFAULT));

  OpenAiEmbedderTest() throws Exception {}

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void vectorsHaveTheModelsSizeAndTheRequestNamesTheModel() {
    float[] vector = embedder.embed("The wolf knocked at the door.");

    assertThat(vector).hasSize(3072);
    assertThat(embedder.dimensions()).isEqualTo(3072);
    assertThat(openAi.received.getFirst().body().path("model").asText()).isEqualTo("text-embedding-3-large");
    assertThat(openAi.received.getFirst().body().path("input").asText()).isEqualTo("The wolf knocked at the door.");
    assertThat(openAi.received.getFirst().headers().get("Authorization")).containsExactly("Bearer sk-test");
  }

  @Test
  void theVectorMemoryWorksOnThem() {
    VectorMemory memory = new VectorMemory(embedder, new InMemoryVectorStore());
    var shots = memory.remember("run-1", java.util.List.of(), java.util.List.of(
        VectorMemoryTest.shot(0, "The wolf knocked at the door of the little house."),
        VectorMemoryTest.shot(1, "The miller sang in the mill."),
        VectorMemoryTest.shot(2, "Again the wolf knocked at the door of the little house.")));

    assertThat(shots.get(2).getImagePrompt()).contains("Echoes shot-0");
  }

  @Test
  void anUnknownModelIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> new OpenAiEmbedder(openAi.baseUrl(), "k", "text-embedding-4", new HttpJson(HttpJson.Policy.DEFAULT)))
        .hasMessageContaining("unknown embedding model");
    assertThat(openAi.received).isEmpty();
  }
}
