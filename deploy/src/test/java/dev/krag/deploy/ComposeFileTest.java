package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The development stack ({@code compose.yaml}) and the image it builds ({@code Dockerfile}),
 * checked without a container engine, which the build machine does not have: what a typo would
 * break at {@code docker compose up} is found here instead.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("..", "compose.yaml");
  private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
  private static final Path ENV_EXAMPLE = Path.of("..", ".env.example");
  private static final Map<String, InstanceRole> KRAG_SERVICES = Map.of("krag-api", InstanceRole.API, "krag-worker", InstanceRole.WORKER);

  private final JsonNode services = DeploymentFiles.yaml(COMPOSE).get("services");

  @Test
  void everyImageIsPinnedToAVersion() throws Exception {
    services.properties().forEach(service -> {
      assertThat(service.getValue().has("image")).as(service.getKey() + " names its image").isTrue();
      DeploymentFiles.assertPinned(service.getValue().get("image").asText());
    });
    List<String> bases = Files.readAllLines(DOCKERFILE).stream().filter(line -> line.startsWith("FROM "))
        .map(line -> line.split("\\s+")[1]).toList();
    assertThat(bases).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
    bases.forEach(DeploymentFiles::assertPinned);
  }

  @Test
  void theImageRunsAsAUserOtherThanRoot() throws Exception {
    List<String> lines = Files.readAllLines(DOCKERFILE);
    int lastStage = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("FROM ")) {
        lastStage = i;
      }
    }
    List<String> users = lines.subList(lastStage, lines.size()).stream().filter(line -> line.startsWith("USER ")).toList();
    assertThat(users).as("the final stage sets its user").isNotEmpty();
    assertThat(users.getLast()).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
  }

  @Test
  void kragsServicesAreConfigurationsKragAcceptsForTheirRole() {
    KRAG_SERVICES.forEach((name, role) -> {
      KragConfig config = DeploymentFiles.assertKragAccepts(name, environment(services.get(name)), role);

      assertThat(services.get(name).get("healthcheck").toString()).as(name + "'s health check asks its readiness")
          .contains("/health/ready").contains(Integer.toString(config.managementPort().getAsInt()));
    });
  }

  @Test
  void everyAddressNamesAServiceThatListensThere() {
    Map<String, Set<Integer>> listening = new HashMap<>();
    services.properties().forEach(service -> listening.put(service.getKey(), ports(service.getValue())));
    Set<String> reached = new HashSet<>();
    for (var service : services.properties()) {
      for (String value : environment(service.getValue()).values()) {
        for (String part : value.split(",")) {
          Matcher m = DeploymentFiles.ADDRESS.matcher(part.strip());
          if (m.lookingAt() && !m.group(1).equals("localhost")) {
            reached.add(m.group(1));
            assertThat(listening).as(service.getKey() + " reaches " + part).containsKey(m.group(1));
            assertThat(listening.get(m.group(1))).as(service.getKey() + " reaches " + part).contains(Integer.parseInt(m.group(2)));
          }
        }
      }
    }
    assertThat(reached).as("the services krag and the registry reach").containsAll(List.of("kafka", "registry", "db", "minio", "neo4j",
        "qdrant", "connect", "redis"));
  }

  @Test
  void theExampleEnvironmentFileDocumentsEveryVariableKragReads() throws Exception {
    Set<String> documented = Files.readAllLines(ENV_EXAMPLE).stream().map(line -> line.replaceFirst("^#\\s*", ""))
        .filter(line -> line.matches("[A-Z][A-Z0-9_]*=.*")).map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toSet());

    assertThat(documented).containsAll(DeploymentFiles.variablesKragReads());
  }

  /** A service's environment as compose hands it over: {@code ${NAME:-default}} becomes its default. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new HashMap<>();
    JsonNode environment = service.path("environment");
    if (environment.isArray()) {
      environment.forEach(entry -> {
        String[] pair = entry.asText().split("=", 2);
        env.put(pair[0], pair.length > 1 ? DeploymentFiles.interpolate(pair[1]) : "");
      });
    } else {
      environment.properties().forEach(entry -> env.put(entry.getKey(), DeploymentFiles.interpolate(entry.getValue().asText())));
    }
    return env;
  }

  /** The ports a service's container listens on: those it exposes and the container side of those it publishes. */
  private static Set<Integer> ports(JsonNode service) {
    Set<Integer> ports = new HashSet<>();
    service.path("expose").forEach(port -> ports.add(Integer.parseInt(port.asText().split("/")[0])));
    service.path("ports").forEach(port -> {
      String[] parts = port.asText().split(":");
      ports.add(Integer.parseInt(parts[parts.length - 1].split("/")[0]));
    });
    return ports;
  }
}
