package dev.krag.deploy;

import dev.krag.deploy.KragConfig.ProviderSettings;
import dev.krag.stages.knowledge.CachingEmbedder;
import dev.krag.stages.knowledge.Embedder;
import dev.krag.stages.knowledge.MiniLmEmbedder;
import dev.krag.stages.knowledge.OpenAiEmbedder;
import dev.krag.stages.llm.AnthropicChat;
import dev.krag.stages.llm.ChatModel;
import dev.krag.stages.llm.CircuitBreaker;
import dev.krag.stages.llm.GuardedChatModel;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.OpenAiChat;
import dev.krag.stages.llm.StructuredChat;
import dev.krag.stages.parse.LlmStoryParser;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.ParserChain;
import dev.krag.stages.plan.LlmShotPlanner;
import dev.krag.stages.plan.PlannerChain;
import dev.krag.stages.plan.ShotPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/** The stages' providers as configured: remote models first where keys allow, local ones last. */
public final class Providers {

  private final ProviderSettings settings;
  private final HttpJson http;
  /** Per provider, shared by all its models: one breaker, one limit of calls at once. */
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

  public Providers(ProviderSettings settings) {
    this.settings = settings;
    this.http = new HttpJson(new HttpJson.Policy(settings.timeout(), settings.attempts(), Duration.ofSeconds(1), Duration.ofSeconds(30)));
  }

  public ParserChain parser() {
    return new ParserChain(languageModels(settings.parseModels()).stream().map(LlmStoryParser::new).toList(), new LocalStoryParser());
  }

  public PlannerChain planner() {
    return new PlannerChain(languageModels(settings.planModels()).stream().map(LlmShotPlanner::new).toList(), new ShotPlanner());
  }

  /** The embedding models in the order the vector memory tries them: the configured one, then the local one. */
  public List<Embedder> embedders() {
    Stream<Embedder> models = settings.embeddings().equals(ProviderSettings.LOCAL)
        ? Stream.of(new MiniLmEmbedder())
        : Stream.of(new OpenAiEmbedder(settings.openAiBaseUrl(), settings.openAiKey(), ProviderSettings.model(settings.embeddings()), http),
            new MiniLmEmbedder());
    return models.<Embedder>map(model -> new CachingEmbedder(model, CachingEmbedder.DEFAULT_TTL, Clock.systemUTC())).toList();
  }

  private List<StructuredChat> languageModels(List<String> entries) {
    return entries.stream().map(entry -> new StructuredChat(chat(entry))).toList();
  }

  private ChatModel chat(String entry) {
    String provider = ProviderSettings.provider(entry);
    String model = ProviderSettings.model(entry);
    ChatModel chat = switch (provider) {
      case ProviderSettings.ANTHROPIC -> new AnthropicChat(settings.anthropicBaseUrl(), settings.anthropicKey(), model, http);
      case ProviderSettings.OPENAI -> new OpenAiChat(settings.openAiBaseUrl(), settings.openAiKey(), model, http);
      default -> throw new IllegalArgumentException("no provider for " + entry); // KragConfig refuses such entries
    };
    return new GuardedChatModel(chat,
        breakers.computeIfAbsent(provider, p -> new CircuitBreaker(settings.breakerFailures(), settings.breakerCooldown(), Clock.systemUTC())),
        permits.computeIfAbsent(provider, p -> new Semaphore(settings.concurrency())), settings.timeout());
  }
}
