package dev.krag.deploy;

import dev.krag.deploy.KragConfig.MediaSettings;
import dev.krag.deploy.KragConfig.ProviderSettings;
import dev.krag.stages.generate.ElevenLabsVoice;
import dev.krag.stages.generate.FreeTtsVoice;
import dev.krag.stages.generate.IllustratorChain;
import dev.krag.stages.generate.ImageModel;
import dev.krag.stages.generate.MaryTtsVoice;
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.OpenAiImages;
import dev.krag.stages.generate.OpenAiVoice;
import dev.krag.stages.generate.RemoteIllustrator;
import dev.krag.stages.generate.ReplicateImages;
import dev.krag.stages.generate.SilhouetteIllustrator;
import dev.krag.stages.generate.Voice;
import dev.krag.stages.knowledge.CachingEmbedder;
import dev.krag.stages.knowledge.Embedder;
import dev.krag.stages.knowledge.MiniLmEmbedder;
import dev.krag.stages.knowledge.OpenAiEmbedder;
import dev.krag.stages.knowledge.VectorCache;
import dev.krag.stages.llm.AnthropicChat;
import dev.krag.stages.llm.ChatModel;
import dev.krag.stages.llm.CircuitBreaker;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.OpenAiChat;
import dev.krag.stages.llm.ProviderGuard;
import dev.krag.stages.llm.StructuredChat;
import dev.krag.stages.parse.LlmStoryParser;
import dev.krag.stages.parse.LocalStoryParser;
import dev.krag.stages.parse.ParserChain;
import dev.krag.stages.plan.LlmShotPlanner;
import dev.krag.stages.plan.PlannerChain;
import dev.krag.stages.plan.ShotPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/** The stages' providers as configured: remote models first where keys allow, local ones last. */
public final class Providers {

  private final ProviderSettings settings;
  private final HttpJson http;
  /** Per provider, shared by all its models (language, pictures, voices): one breaker, one limit of calls at once. */
  private final Map<String, HttpJson> clients = new ConcurrentHashMap<>();

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

  /**
   * The embedding models in the order the vector memory tries them: the configured one, then the
   * local one, each keeping its vectors in {@code cache}.
   */
  public List<Embedder> embedders(VectorCache cache) {
    Stream<Embedder> models = settings.embeddings().equals(ProviderSettings.LOCAL)
        ? Stream.of(new MiniLmEmbedder())
        : Stream.of(new OpenAiEmbedder(settings.openAiBaseUrl(), settings.openAiKey(), ProviderSettings.model(settings.embeddings()),
            http(ProviderSettings.OPENAI)),
            new MiniLmEmbedder());
    return models.<Embedder>map(model -> new CachingEmbedder(model, cache)).toList();
  }

  private List<StructuredChat> languageModels(List<String> entries) {
    return entries.stream().map(entry -> new StructuredChat(chat(entry))).toList();
  }

  private ChatModel chat(String entry) {
    String provider = ProviderSettings.provider(entry);
    String model = ProviderSettings.model(entry);
    return switch (provider) {
      case ProviderSettings.ANTHROPIC -> new AnthropicChat(settings.anthropicBaseUrl(), settings.anthropicKey(), model, http(provider));
      case ProviderSettings.OPENAI -> new OpenAiChat(settings.openAiBaseUrl(), settings.openAiKey(), model, http(provider));
      default -> throw new IllegalArgumentException("no provider for " + entry); // KragConfig refuses such entries
    };
  }

  /** The configured image models, then the silhouette illustrator. */
  public IllustratorChain pictures() {
    MediaSettings media = settings.media();
    List<RemoteIllustrator> painters = media.imageModels().stream().map(entry -> {
      String provider = ProviderSettings.provider(entry);
      String model = ProviderSettings.model(entry);
      ImageModel painter = switch (provider) {
        case MediaSettings.REPLICATE -> new ReplicateImages(media.replicateBaseUrl(), media.replicateToken(),
            model.contains(":") ? model.substring(model.indexOf(':') + 1) : ReplicateImages.SDXL_VERSION, http(provider),
            ReplicateImages.POLL_INTERVAL);
        case ProviderSettings.OPENAI -> new OpenAiImages(settings.openAiBaseUrl(), settings.openAiKey(), model, http(provider));
        default -> throw new IllegalArgumentException("no image provider for " + entry); // KragConfig refuses such entries
      };
      return new RemoteIllustrator(painter);
    }).toList();
    return new IllustratorChain(painters, new SilhouetteIllustrator());
  }

  /**
   * The configured voices, then MaryTTS and FreeTTS where it cannot speak. The characters' words
   * are read in MaryTTS lowered when asked for and no remote voice reads the rest: a character
   * in a robot's voice beside a natural narrator is worse than one voice for all.
   */
  public Narrator narrator(boolean dialogueVoice) {
    MediaSettings media = settings.media();
    List<Voice> voices = new ArrayList<>();
    for (String entry : media.voices()) {
      String provider = ProviderSettings.provider(entry);
      String[] modelAndVoice = ProviderSettings.model(entry).split("/", 2);
      voices.add(switch (provider) {
        case MediaSettings.ELEVENLABS -> new ElevenLabsVoice(media.elevenLabsBaseUrl(), media.elevenLabsKey(), modelAndVoice[1],
            modelAndVoice[0], media.stability(), media.similarityBoost(), media.style(), http(provider));
        case ProviderSettings.OPENAI -> new OpenAiVoice(settings.openAiBaseUrl(), settings.openAiKey(), modelAndVoice[0], modelAndVoice[1],
            http(provider));
        default -> throw new IllegalArgumentException("no voice provider for " + entry); // KragConfig refuses such entries
      });
    }
    voices.add(new MaryTtsVoice());
    voices.add(new FreeTtsVoice());
    Narrator narrator = new Narrator(voices, List.of());
    return dialogueVoice && media.voices().isEmpty() ? narrator.withDialogue(MaryTtsVoice.character()) : narrator;
  }

  /** The provider's client: one guard (breaker and turns) for all its models. */
  private HttpJson http(String provider) {
    return clients.computeIfAbsent(provider, p -> http.guardedBy(new ProviderGuard(p,
        new CircuitBreaker(settings.breakerFailures(), settings.breakerCooldown(), Clock.systemUTC()),
        new Semaphore(settings.concurrency()), settings.timeout())));
  }
}
