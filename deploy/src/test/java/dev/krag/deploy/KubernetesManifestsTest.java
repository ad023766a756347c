package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests ({@code deploy/k8s}), checked without a cluster: the base's objects
 * parse and fit together (services select pods and name their ports, the probes ask what krag
 * answers, autoscalers scale what exists), each krag container's environment is one krag accepts
 * for its role, and no secret is written into them. Where {@code kubectl} is installed, both
 * overlays are rendered and checked the same way.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of("k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final List<Path> OVERLAYS = List.of(K8S.resolve("overlays/dev"), K8S.resolve("overlays/production"));
  private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY).*");
  private static final Set<String> HEALTH_PATHS = Set.of("/health/live", "/health/ready");
  private static final Map<String, InstanceRole> KRAG_COMPONENTS = Map.of("api", InstanceRole.API, "worker", InstanceRole.WORKER);

  @Test
  void theBaseHoldsWhatAClusterDeploymentNeeds() {
    List<JsonNode> objects = base();

    assertThat(kinds(objects)).contains("Namespace", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler",
        "PodDisruptionBudget", "Ingress", "NetworkPolicy");
    assertThat(names(objects, "Deployment")).containsExactlyInAnyOrder("krag-api", "krag-worker", "krag-connect");
    assertThat(names(objects, "PodDisruptionBudget")).hasSize(3);
    assertThat(objects).as("a default deny of ingress").anyMatch(o -> o.path("kind").asText().equals("NetworkPolicy")
        && o.at("/spec/podSelector").isEmpty() && !o.at("/spec").has("ingress"));
    assertThat(ingressTls(objects)).as("the Ingress serves TLS").isNotEmpty();
  }

  @Test
  void noSecretIsWrittenIntoTheManifests() throws IOException {
    try (Stream<Path> files = Files.walk(K8S)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        assertThat(DeploymentFiles.documents(file)).as(file + " holds no Secret").noneMatch(o -> o.path("kind").asText().equals("Secret"));
      }
    }
    for (JsonNode container : containers(base())) {
      for (JsonNode variable : container.path("env")) {
        if (SECRET_NAME.matcher(variable.path("name").asText()).matches()) {
          assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).as(variable.path("name").asText() + " comes from a Secret")
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void kragsContainersAreConfigurationsKragAcceptsForTheirRole() {
    checkKragContainers(base());
  }

  @Test
  void servicesSelectPodsAndNameTheirPorts() {
    List<JsonNode> objects = base();
    for (JsonNode service : ofKind(objects, "Service")) {
      JsonNode pod = podSelectedBy(objects, service.at("/spec/selector")).orElseThrow(() -> new AssertionError(name(service) + " selects no pod"));
      for (JsonNode port : service.at("/spec/ports")) {
        assertThat(containerPorts(pod)).as(name(service) + "'s target port").containsKey(port.path("targetPort").asText());
      }
    }
    for (JsonNode backend : ofKind(objects, "Ingress").getFirst().findValues("service")) {
      JsonNode service = named(objects, "Service", backend.path("name").asText());
      assertThat(service.at("/spec/ports").findValuesAsText("port")).contains(backend.at("/port/number").asText());
    }
    for (String budget : names(objects, "PodDisruptionBudget")) {
      assertThat(podSelectedBy(objects, named(objects, "PodDisruptionBudget", budget).at("/spec/selector/matchLabels")))
          .as(budget + " selects pods").isPresent();
    }
  }

  @Test
  void theAutoscalersScaleTheDeploymentsAsTheIssueAsks() {
    List<JsonNode> objects = base();
    JsonNode api = named(objects, "HorizontalPodAutoscaler", "krag-api");
    JsonNode worker = named(objects, "HorizontalPodAutoscaler", "krag-worker");

    assertThat(List.of(api.at("/spec/minReplicas").asInt(), api.at("/spec/maxReplicas").asInt())).containsExactly(2, 10);
    assertThat(List.of(worker.at("/spec/minReplicas").asInt(), worker.at("/spec/maxReplicas").asInt())).containsExactly(2, 20);
    for (JsonNode hpa : List.of(api, worker)) {
      assertThat(names(objects, "Deployment")).contains(hpa.at("/spec/scaleTargetRef/name").asText());
    }
    String lag = worker.at("/spec/metrics").findValues("metric").getFirst().path("name").asText();
    String adapter = DeploymentFiles.yaml(K8S.resolve("monitoring/prometheus-adapter-rules.yaml")).at("/data/config.yaml").asText();
    assertThat(adapter).as("the adapter makes the metric the worker scales on").contains("as: \"" + lag + "\"")
        .contains("kafka_consumer_fetch_manager_records_lag{topic=\"krag.shot-tasks.v1\"}");
  }

  @Test
  void everyAddressIsAServiceHereOrOneTheReadmeAsksFor() throws IOException {
    List<JsonNode> objects = base();
    String readme = Files.readString(K8S.resolve("README.md"));
    JsonNode wiring = named(objects, "ConfigMap", "krag-config").path("data");
    Set<String> reached = new HashSet<>();
    for (var entry : wiring.properties()) {
      Matcher m = DeploymentFiles.ADDRESS.matcher(entry.getValue().asText());
      if (m.lookingAt()) {
        reached.add(entry.getKey());
        String hostPort = m.group(1) + ":" + m.group(2);
        boolean ours = names(objects, "Service").contains(m.group(1))
            && named(objects, "Service", m.group(1)).at("/spec/ports").findValuesAsText("port").contains(m.group(2));
        assertThat(ours || readme.contains("`" + hostPort + "`")).as(entry.getKey() + " = " + hostPort).isTrue();
      }
    }
    assertThat(reached).containsAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_URL", "S3_ENDPOINT", "NEO4J_URI", "QDRANT_URL",
        "DATABASE_URL", "CONNECT_URL", "REDIS_URL"));
  }

  @Test
  void everyImageIsPinned() {
    containers(base()).forEach(container -> DeploymentFiles.assertPinned(container.path("image").asText()));
    for (Path overlay : OVERLAYS) {
      JsonNode kustomization = DeploymentFiles.yaml(overlay.resolve("kustomization.yaml"));
      kustomization.path("images").forEach(image -> DeploymentFiles.assertPinned(image.path("newName").asText(image.path("name").asText())
          + ":" + image.path("newTag").asText()));
      kustomization.path("patches").forEach(patch -> {
        if (patch.has("path")) {
          assertThat(overlay.resolve(patch.path("path").asText())).as(overlay + "'s patch").exists();
        }
      });
    }
  }

  @Test
  void theOverlaysRenderToConfigurationsKragAccepts() throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: the overlays are checked by file only");
    for (Path overlay : OVERLAYS) {
      checkKragContainers(rendered(overlay));
    }
    List<JsonNode> production = rendered(OVERLAYS.getLast());
    assertThat(named(production, "ConfigMap", "krag-config").at("/data/KRAG_STANDBY_REPLICAS").asText()).isEqualTo("1");
    for (JsonNode container : containers(production)) {
      if (container.path("image").asText().contains("/krag:")) {
        assertThat(container.path("env").findValuesAsText("name")).as("rack awareness").contains("KRAG_RACK");
      }
    }
  }

  /** Each krag container: every variable one krag reads, a configuration it accepts, its role, and probes on its management port. */
  private static void checkKragContainers(List<JsonNode> objects) {
    JsonNode wiring = named(objects, "ConfigMap", "krag-config").path("data");
    int checked = 0;
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      InstanceRole role = KRAG_COMPONENTS.get(deployment.at("/metadata/labels").path("app.kubernetes.io/component").asText());
      if (role == null) {
        continue;
      }
      checked++;
      JsonNode container = deployment.at("/spec/template/spec/containers").get(0);
      Map<String, String> env = new HashMap<>();
      wiring.properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));
      for (JsonNode variable : container.path("env")) {
        value(variable).ifPresent(value -> env.put(variable.path("name").asText(), value));
      }
      String name = name(deployment);

      int management = DeploymentFiles.assertKragAccepts(name, env, role).managementPort().orElseThrow();
      assertThat(container.path("resources").path("requests").isEmpty() || container.path("resources").path("limits").isEmpty())
          .as(name + " has requests and limits").isFalse();
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(HEALTH_PATHS).as(name + "'s " + probe).contains(get.path("path").asText());
        assertThat(containerPorts(deployment).get(get.path("port").asText())).as(name + "'s " + probe + " port").isEqualTo(management);
      }
    }
    assertThat(checked).as("the api and worker Deployments").isEqualTo(KRAG_COMPONENTS.size());
  }

  /** What a variable holds in a pod: a literal, a Secret's value, or the pod's own field; empty for an optional Secret not made. */
  private static Optional<String> value(JsonNode variable) {
    if (variable.has("value")) {
      return Optional.of(variable.path("value").asText());
    }
    JsonNode secret = variable.at("/valueFrom/secretKeyRef");
    if (!secret.isMissingNode()) {
      return secret.path("optional").asBoolean(false) ? Optional.empty() : Optional.of("from-secret-" + secret.path("key").asText());
    }
    String field = variable.at("/valueFrom/fieldRef/fieldPath").asText();
    return Optional.of(field.startsWith("metadata.labels") ? "zone-a" : "10.1.2.3");
  }

  private static List<JsonNode> base() {
    JsonNode kustomization = DeploymentFiles.yaml(BASE.resolve("kustomization.yaml"));
    List<JsonNode> objects = new ArrayList<>();
    kustomization.path("resources").forEach(resource -> objects.addAll(DeploymentFiles.documents(BASE.resolve(resource.asText()))));
    return objects;
  }

  private static List<JsonNode> rendered(Path overlay) throws Exception {
    Path out = Files.createTempFile("krag-kustomize", ".yaml");
    try {
      Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false)
          .redirectOutput(out.toFile()).start();
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize " + overlay).isTrue();
      assertThat(kubectl.exitValue()).as(new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
      return DeploymentFiles.documents(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  private static List<String> kinds(List<JsonNode> objects) {
    return objects.stream().map(o -> o.path("kind").asText()).toList();
  }

  private static List<String> names(List<JsonNode> objects, String kind) {
    return ofKind(objects, kind).stream().map(KubernetesManifestsTest::name).toList();
  }

  private static String name(JsonNode object) {
    return object.at("/metadata/name").asText();
  }

  private static JsonNode named(List<JsonNode> objects, String kind, String name) {
    return ofKind(objects, kind).stream().filter(o -> name(o).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static List<JsonNode> containers(List<JsonNode> objects) {
    return ofKind(objects, "Deployment").stream().flatMap(d -> stream(d.at("/spec/template/spec/containers"))).toList();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static List<JsonNode> ingressTls(List<JsonNode> objects) {
    return ofKind(objects, "Ingress").stream().flatMap(i -> stream(i.at("/spec/tls"))).filter(tls -> tls.has("secretName")).toList();
  }

  /** The Deployment whose pods carry every label of the selector. */
  private static Optional<JsonNode> podSelectedBy(List<JsonNode> objects, JsonNode selector) {
    return ofKind(objects, "Deployment").stream().filter(d -> {
      JsonNode labels = d.at("/spec/template/metadata/labels");
      return selector.properties().stream().allMatch(label -> labels.path(label.getKey()).asText().equals(label.getValue().asText()));
    }).findFirst();
  }

  /** A Deployment's container ports, by name and by number as text, each to its number. */
  private static Map<String, Integer> containerPorts(JsonNode deployment) {
    Map<String, Integer> ports = new HashMap<>();
    deployment.at("/spec/template/spec/containers").forEach(c -> c.path("ports").forEach(port -> {
      ports.put(port.path("name").asText(), port.path("containerPort").asInt());
      ports.put(port.path("containerPort").asText(), port.path("containerPort").asInt());
    }));
    return ports;
  }
}
