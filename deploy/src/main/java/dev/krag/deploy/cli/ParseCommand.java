package dev.krag.deploy.cli;

import dev.krag.deploy.KragConfig;
import dev.krag.deploy.Providers;
import dev.krag.schemas.Location;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.parse.SceneGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code krag parse FILE --json}: the scene graph of a story, without running the pipeline. */
final class ParseCommand {

  private ParseCommand() {}

  static int run(Path file, boolean json, KragConfig config, PrintStream out) throws UsageException {
    StoryFile story = StoryFile.read(file, config.maxStoryBytes());
    Metered<SceneGraph> parsed = new Providers(config.providers()).parser().parse(story.title(), story.text(), Budget.unlimited());
    SceneGraph graph = parsed.value();
    String parser = parsed.calls().getLast().provider() + ":" + parsed.calls().getLast().model();
    if (json) {
      Map<String, Object> root = new LinkedHashMap<>(Map.of("parser", parser));
      root.putAll(asJson(graph));
      out.println(Json.write(root));
    } else {
      out.printf("%s: %d scenes, %d characters, %d locations (%s)%n", graph.title(), graph.scenes().size(),
          graph.characters().size(), graph.locations().size(), parser);
      graph.characters().forEach(c -> out.printf("  character %-24s %s%n", c.getName(), c.getAliases()));
      graph.locations().forEach(l -> out.printf("  location  %s%n", l.getName()));
      graph.scenes().forEach(s -> out.printf("  %s  %-16s %s%n", s.getId(), s.getLocationId(), s.getSummary()));
    }
    return 0;
  }

  static Map<String, Object> asJson(SceneGraph graph) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", graph.title());
    root.put("scenes", graph.scenes().stream().map(ParseCommand::scene).toList());
    root.put("characters", graph.characters().stream().map(ParseCommand::character).toList());
    root.put("locations", graph.locations().stream().map(ParseCommand::location).toList());
    return root;
  }

  private static Map<String, Object> scene(Scene s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.getId());
    m.put("title", s.getTitle());
    m.put("summary", s.getSummary());
    m.put("location", s.getLocationId());
    m.put("characters", List.copyOf(s.getCharacterIds()));
    m.put("startOffset", s.getStartOffset());
    m.put("endOffset", s.getEndOffset());
    return m;
  }

  private static Map<String, Object> character(StoryCharacter c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.getId());
    m.put("name", c.getName());
    m.put("aliases", List.copyOf(c.getAliases()));
    m.put("description", c.getDescription());
    return m;
  }

  private static Map<String, Object> location(Location l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.getId());
    m.put("name", l.getName());
    m.put("description", l.getDescription());
    return m;
  }
}
