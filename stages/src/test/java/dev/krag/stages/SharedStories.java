package dev.krag.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The public-domain tales in the shared folder beside the checkout, krag's own examples and the parser's dev set. */
public final class SharedStories {

  private SharedStories() {}

  public static Path grimm(String file) {
    return folder().resolve(file);
  }

  public static List<Path> allGrimm() {
    return stories(folder());
  }

  /** The example stories written for krag, in the repository's {@code examples/}. */
  public static List<Path> examples() {
    return stories(Path.of(System.getProperty("krag.examples", "../examples")).toAbsolutePath().normalize());
  }

  /** The stories of the parser's dev set, in this module's test resources beside their labels. */
  public static List<Path> dev() {
    return stories(Path.of("src/test/resources/dev/stories").toAbsolutePath());
  }

  private static List<Path> stories(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The title (first line) and the body of a tale. */
  public record Tale(String title, String text) {}

  public static Tale read(Path file) {
    try {
      String all = Files.readString(file, StandardCharsets.UTF_8);
      int newline = all.indexOf('\n');
      return new Tale(all.substring(0, newline).strip(), all.substring(newline + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path folder() {
    String configured = System.getProperty("krag.stories", "../../shared/stories");
    return Path.of(configured, "grimm").toAbsolutePath().normalize();
  }
}
