package dev.krag.stages.llm;

/** A provider's language model behind the provider's guard. */
public final class GuardedChatModel implements ChatModel {

  private final ChatModel model;
  private final ProviderGuard guard;

  public GuardedChatModel(ChatModel model, ProviderGuard guard) {
    this.model = model;
    this.guard = guard;
  }

  @Override
  public String provider() {
    return model.provider();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public Completion complete(ChatRequest request) {
    return guard.call(() -> model.complete(request));
  }
}
