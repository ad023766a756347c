package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin folder the build makes (the Debezium JDBC sink and krag's own sinks, each in a
 * folder of its own) holds every class the connector configurations name, so a Connect worker
 * with nothing of krag on its class path (compose's, a cluster's) can run them. Kafka's own
 * converters and transforms come with every worker.
 */
class ConnectPluginsTest {

  private static final Path PLUGINS = Path.of(System.getProperty("krag.connect.plugins", "target/connect-plugins"));
  private static final Path CONNECTORS = Path.of(System.getProperty("krag.connectors", "../connectors"));

  @Test
  void everyClassAConnectorNamesIsInAPluginFolder() throws IOException {
    Map<String, String> named = new TreeMap<>();
    try (Stream<Path> files = Files.list(CONNECTORS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode config = new ObjectMapper().readTree(file.toFile());
        config.properties().forEach(setting -> {
          String key = setting.getKey();
          if (key.equals("connector.class") || key.endsWith("converter") || key.endsWith("record.type")
              || (key.startsWith("transforms.") && key.endsWith(".type") && setting.getValue().asText().contains("."))) {
            named.put(setting.getValue().asText(), file.getFileName() + " " + key);
          }
        });
      }
    }
    Set<String> packed = classesIn(PLUGINS);

    assertThat(named).containsKeys("dev.krag.sinks.S3ArtifactSinkConnector", "io.debezium.connector.jdbc.JdbcSinkConnector",
        "dev.krag.sinks.RegistryAvroConverter");
    named.forEach((type, where) -> {
      if (!type.startsWith("org.apache.kafka.")) {
        assertThat(packed).as(where + " names " + type).contains(type);
      }
    });
    assertThat(packed).as("Kafka's classes come from the worker, never from a plugin")
        .noneMatch(type -> type.startsWith("org.apache.kafka.connect.") || type.startsWith("org.apache.kafka.clients."));
  }

  /** The class names in every jar under the plugin path, nested classes with a {@code $}. */
  private static Set<String> classesIn(Path plugins) throws IOException {
    Set<String> classes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(plugins)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          file.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class"))
              .forEach(name -> classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
      }
    }
    return classes;
  }
}
