package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.llm.HttpJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The picture chain in its configured order, against doubles of Replicate's and OpenAI's APIs. */
class IllustratorChainTest {

  private static final Duration POLL = Duration.ofMillis(10);

  private final FakeReplicate replicate = new FakeReplicate();
  private final FakeOpenAiMedia openAi = new FakeOpenAiMedia();
  private final ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat.", 1, 1);

  IllustratorChainTest() throws Exception {}

  @AfterEach
  void stop() {
    replicate.close();
    openAi.close();
  }

  /** Replicate's SDXL, then OpenAI's gpt-image-1, then the silhouettes; one try each, calls of at most {@code timeout}. */
  private IllustratorChain chain(Duration timeout) {
    HttpJson http = new HttpJson(new HttpJson.Policy(timeout, 1, Duration.ofMillis(1), Duration.ofMillis(5)));
    return new IllustratorChain(List.of(
        new RemoteIllustrator(new ReplicateImages(replicate.baseUrl(), FakeReplicate.TOKEN, ReplicateImages.SDXL_VERSION, http, POLL)),
        new RemoteIllustrator(new OpenAiImages(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiImages.GPT_IMAGE_1, http))),
        new SilhouetteIllustrator());
  }

  @Test
  void theFirstPainterThatAnswersPaintsAndOnlyItIsBilled() {
    replicate.then(FakeReplicate.problem(500, "Internal Server Error", "boom", Map.of()));

    Metered<Illustration> drawn = chain(Duration.ofSeconds(5)).draw(task, "s1#0", Budget.unlimited());

    assertThat(drawn.value().manifest().getIllustrator()).isEqualTo("openai:gpt-image-1");
    assertThat(drawn.calls()).singleElement().satisfies(call -> {
      assertThat(call.provider()).isEqualTo("openai");
      assertThat(call.usd()).isEqualTo(Prices.image("gpt-image-1", 1536, 1024));
    });
  }

  @Test
  void aPainterTimedOutAndOneRateLimitedLeaveTheSilhouettesToDrawForNothing() {
    replicate.endingAfter(Integer.MAX_VALUE);
    openAi.then(FakeOpenAiMedia.error(429, "Rate limit reached for images per minute.", "requests", null, "rate_limit_exceeded",
        Map.of("Retry-After", "1")));

    Metered<Illustration> drawn = chain(Duration.ofMillis(300)).draw(task, "s1#0", Budget.unlimited());

    assertThat(drawn.value().manifest().getIllustrator()).isEqualTo(new SilhouetteIllustrator().name());
    assertThat(drawn.calls()).singleElement().satisfies(call -> assertThat(call.usd()).isZero());
    assertThat(replicate.received).as("the prediction was asked for, then cancelled").isNotEmpty();
    assertThat(openAi.received).hasSize(1);
  }

  @Test
  void aPictureTheShotCannotAffordIsNotAskedForAndStopsTheShot() {
    Budget share = Budget.of(0.004);

    assertThatThrownBy(() -> chain(Duration.ofSeconds(5)).draw(task, "s1#0", share))
        .isInstanceOf(BudgetExceeded.class).hasMessageContaining("replicate:sdxl:7762fd07 may cost $0.0041");
    assertThat(replicate.received).isEmpty();
    assertThat(openAi.received).as("nor a dearer painter tried instead").isEmpty();
  }
}
