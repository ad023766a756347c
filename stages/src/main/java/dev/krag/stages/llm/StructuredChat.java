package dev.krag.stages.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.cost.ProviderCall;
import java.util.List;
import java.util.function.Function;

/**
 * Asks a model for JSON and accepts only an answer that binds to the expected record type strictly
 * (no unknown, missing or null fields) and passes the caller's checks. Every paid call is counted,
 * the unusable ones too; any failure becomes an {@link AttemptFailed} so a fallback chain goes on.
 */
public final class StructuredChat {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final ChatModel model;

  public StructuredChat(ChatModel model) {
    this.model = model;
  }

  /** Which model answers, as "provider:model". */
  public String name() {
    return model.provider() + ":" + model.model();
  }

  /**
   * @param callKey names this call among the run's calls, so a replayed call is counted once
   * @param build turns the bound answer into the result, throwing {@link IllegalArgumentException}
   *     with the reason when the answer does not fit the story
   */
  public <A, R> Metered<R> ask(String callKey, ChatRequest request, Class<A> answerType, Function<A, R> build) {
    Completion completion;
    try {
      completion = model.complete(request);
    } catch (UnusableAnswer e) {
      throw new AttemptFailed(name() + ": " + e.getMessage(), List.of(call(callKey, e.completion())), e);
    } catch (ProviderException e) {
      throw new AttemptFailed(name() + ": " + e.getMessage(), List.of(), e);
    }
    ProviderCall call = call(callKey, completion);
    try {
      return new Metered<>(build.apply(STRICT.readValue(completion.text(), answerType)), List.of(call));
    } catch (JsonProcessingException e) {
      throw new AttemptFailed(name() + " answered off-schema: " + e.getOriginalMessage(), List.of(call), e);
    } catch (IllegalArgumentException e) {
      throw new AttemptFailed(name() + " answered something that does not fit: " + e.getMessage(), List.of(call), e);
    }
  }

  /** For answer builders: rejects an answer that does not fit, saying why. */
  public static void require(boolean fits, String reason) {
    if (!fits) {
      throw new IllegalArgumentException(reason);
    }
  }

  private ProviderCall call(String key, Completion c) {
    return new ProviderCall(key + "/" + name(), model.provider(), model.model(), c.inputTokens() + c.outputTokens(), "token",
        Prices.usd(model.model(), c.inputTokens(), c.outputTokens()), c.seconds(), false);
  }
}
