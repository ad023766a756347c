package dev.krag.stages.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.cost.ProviderCall;
import java.util.List;
import java.util.function.Function;

/**
 * Asks a model for JSON and accepts only an answer that binds to the expected record type strictly
 * (no unknown, missing or null fields) and passes the caller's checks. Every paid call is counted,
 * the unusable ones too; any failure becomes an {@link AttemptFailed} so a fallback chain goes on.
 * A call that may cost more than the run's budget has left is not made.
 */
public final class StructuredChat {

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static final int CHARACTERS_PER_TOKEN = 2;

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
   * @param budget what the run has left; the call is charged to it
   */
  public <A, R> Metered<R> ask(String callKey, ChatRequest request, Class<A> answerType, Function<A, R> build, Budget budget) {
    budget.check(name(), mostUsd(request));
    Completion completion;
    try {
      completion = model.complete(request);
    } catch (UnusableAnswer e) {
      ProviderCall call = call(callKey, e.completion());
      budget.charge(List.of(call));
      throw new AttemptFailed(name() + ": " + e.getMessage(), List.of(call), e);
    } catch (ProviderException e) {
      throw new AttemptFailed(name() + ": " + e.getMessage(), List.of(), e);
    }
    ProviderCall call = call(callKey, completion);
    budget.charge(List.of(call));
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

  /**
   * The most a request may cost: its answer at the token limit, and its question at a token per
   * {@value #CHARACTERS_PER_TOKEN} characters (tokenisers give English about four a token, and
   * rarely fewer than two).
   */
  private double mostUsd(ChatRequest request) {
    long characters = request.instructions().length() + request.data().length() + request.schema().toString().length();
    return Prices.usd(model.model(), characters / CHARACTERS_PER_TOKEN + 1, request.maxTokens());
  }

  private ProviderCall call(String key, Completion c) {
    return new ProviderCall(key + "/" + name(), model.provider(), model.model(), c.inputTokens() + c.outputTokens(), "token",
        Prices.usd(model.model(), c.inputTokens(), c.outputTokens()), c.seconds(), false);
  }
}
