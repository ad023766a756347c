package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the checks of the deployment files share: reading YAML, image tags, krag's variables. */
final class DeploymentFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** A tag that names a release: it holds a digit, and is none of the moving ones. */
  private static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:(?!latest$|stable$|main$)[A-Za-z0-9._-]*\\d[A-Za-z0-9._-]*");
  /** A service's address at the start of a value, with or without a URL's scheme: its host and port. */
  static final Pattern ADDRESS = Pattern.compile("(?:[a-z][a-z0-9+.:-]*://)?([a-z][a-z0-9-]*):(\\d+)");
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

  private DeploymentFiles() {}

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + " does not parse", e);
    }
  }

  /** Every document of a file that holds several, separated by {@code ---}. */
  static List<JsonNode> documents(Path file) {
    try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      return documents.readAll().stream().filter(document -> document != null && !document.isNull() && !document.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(file + " does not parse", e);
    }
  }

  static void assertPinned(String image) {
    assertThat(image).as("image " + image + " is pinned to a version").matches(PINNED);
  }

  /** {@code ${NAME:-default}} as compose reads it with nothing set: its default. */
  static String interpolate(String value) {
    Matcher m = DEFAULTED.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
    }
    return m.appendTail(out).toString();
  }

  /**
   * A krag container's environment, as the deployment gives it: only variables krag reads, a
   * configuration krag accepts, of the role it is meant for, with a management port for its probes.
   */
  static KragConfig assertKragAccepts(String container, Map<String, String> env, InstanceRole role) {
    assertThat(variablesKragReads()).as("every variable " + container + " is given is one krag reads").containsAll(env.keySet());
    assertThatCode(() -> KragConfig.from(env::get)).as(container).doesNotThrowAnyException();
    KragConfig config = KragConfig.from(env::get);
    assertThat(config.role()).as(container).isEqualTo(role);
    assertThat(config.managementPort()).as(container + "'s management port").isPresent();
    return config;
  }

  /** The name of every environment variable krag reads, as its configuration asks for them. */
  static Set<String> variablesKragReads() {
    Set<String> read = new TreeSet<>();
    KragConfig.from(name -> {
      read.add(name);
      return null;
    });
    return read;
  }
}
