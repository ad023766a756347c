package dev.krag.stages.parse;

import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.llm.FallbackChain;
import dev.krag.stages.llm.FallbackChain.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The configured language models in order, then the local parser, which always answers. */
public final class ParserChain {

  private final List<LlmStoryParser> models;
  private final StoryParser local;

  public ParserChain(List<LlmStoryParser> models, StoryParser local) {
    this.models = List.copyOf(models);
    this.local = local;
  }

  /** A chain of the local parser alone. */
  public static ParserChain local(StoryParser local) {
    return new ParserChain(List.of(), local);
  }

  /** @param budget what the run has left: a model's call that may cross it is not made, and ends the parse */
  public Metered<SceneGraph> parse(String title, String text, Budget budget) {
    List<Link<SceneGraph>> links = new ArrayList<>();
    models.forEach(m -> links.add(new Link<>(m.name(), () -> m.parse(title, text, budget))));
    links.add(Link.local("parse", local.name(), text.length(), "character", () -> local.parse(title, text)));
    return FallbackChain.first("parse", links);
  }

  /** The providers in the order they are tried, for start-up logs. */
  public List<String> order() {
    return Stream.concat(models.stream().map(LlmStoryParser::name), Stream.of(local.name())).toList();
  }
}
