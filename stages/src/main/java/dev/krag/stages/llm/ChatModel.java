package dev.krag.stages.llm;

/** A language model reached over a provider's API. */
public interface ChatModel {

  String provider();

  String model();

  /** The answer, or a {@link ProviderException} once retries are spent or the request is refused. */
  Completion complete(ChatRequest request);
}
