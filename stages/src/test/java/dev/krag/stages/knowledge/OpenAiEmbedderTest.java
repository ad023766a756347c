package dev.krag.stages.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.schemas.Shot;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.llm.FakeOpenAi;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenAI embeddings against a local server speaking the provider's wire format. */
class OpenAiEmbedderTest {

  private static final MiniLmEmbedder MINI_LM = new MiniLmEmbedder();

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
    Embedder.Embedding embedding = embedder.embed("The wolf knocked at the door.");

    assertThat(embedding.vector()).hasSize(3072);
    assertThat(embedding.tokens()).as("the usage the server reported").isPositive();
    assertThat(embedder.dimensions()).isEqualTo(3072);
    assertThat(openAi.received.getFirst().body().path("model").asText()).isEqualTo("text-embedding-3-large");
    assertThat(openAi.received.getFirst().body().path("input").asText()).isEqualTo("The wolf knocked at the door.");
    assertThat(openAi.received.getFirst().headers().get("Authorization")).containsExactly("Bearer sk-test");
  }

  private static final List<Shot> SHOTS = List.of(
      VectorMemoryTest.shot(0, "The wolf knocked at the door of the little house."),
      VectorMemoryTest.shot(1, "The miller sang in the mill."),
      VectorMemoryTest.shot(2, "Again the wolf knocked at the door of the little house."));

  @Test
  void theVectorMemoryWorksOnThemAndCountsTheTokensOnceACacheHolds() {
    CachingEmbedder cached = new CachingEmbedder(embedder, new LocalVectorCache(VectorCache.DEFAULT_TTL, Clock.systemUTC()));
    VectorMemory memory = new VectorMemory(List.of(cached, MINI_LM), new InMemoryVectorStore());

    Metered<List<Shot>> first = memory.remember("run-1", List.of(), SHOTS, Budget.unlimited());

    assertThat(first.value().get(2).getImagePrompt()).contains("Echoes shot-0");
    assertThat(first.calls()).singleElement().satisfies(call -> {
      assertThat(call.model()).isEqualTo("text-embedding-3-large");
      assertThat(call.unit()).isEqualTo("token");
      assertThat(call.usd()).isEqualTo(Prices.usd("text-embedding-3-large", (long) call.units(), 0)).isPositive();
    });
    assertThat(memory.remember("run-1", List.of(), SHOTS, Budget.unlimited()).calls()).singleElement()
        .satisfies(call -> assertThat(call.cacheHit()).as("the same texts again").isTrue())
        .satisfies(call -> assertThat(call.usd()).isZero());
  }

  @Test
  void aServerErrorIsAProviderFailureAfterTheRetries() {
    openAi.then(FakeOpenAi.error(500, "boom", Map.of()));
    OpenAiEmbedder once = new OpenAiEmbedder(openAi.baseUrl(), "sk-test", "text-embedding-3-large",
        new HttpJson(new HttpJson.Policy(Duration.ofSeconds(5), 1, Duration.ofMillis(1), Duration.ofMillis(5))));

    assertThatThrownBy(() -> once.embed("The wolf")).isInstanceOf(ProviderException.class).hasMessageContaining("boom");
  }

  @Test
  void anEmbeddingThatWouldCrossTheBudgetIsNotAskedFor() {
    VectorMemory memory = new VectorMemory(List.of(embedder, MINI_LM), new InMemoryVectorStore());

    assertThatThrownBy(() -> memory.remember("run-1", List.of(), SHOTS, Budget.of(0.000001)))
        .isInstanceOf(BudgetExceeded.class);
    assertThat(openAi.received).isEmpty();
  }

  @Test
  void anUnknownModelIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> new OpenAiEmbedder(openAi.baseUrl(), "k", "text-embedding-4", new HttpJson(HttpJson.Policy.DEFAULT)))
        .hasMessageContaining("unknown embedding model");
    assertThat(openAi.received).isEmpty();
  }
}
