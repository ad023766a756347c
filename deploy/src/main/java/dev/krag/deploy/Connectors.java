package dev.krag.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink connectors in {@code connectors/*.json}, one flat configuration per file named after
 * the connector, applied to a Connect worker through its REST API: a PUT of each configuration,
 * which creates the connector the first time and leaves it as it is (or updates it) after, so
 * applying at every start is safe. {@code ${NAME}} in a value is filled from the deployment's
 * settings (the database, the registry, the dead-letter topic).
 */
public final class Connectors {

  private static final Logger log = LoggerFactory.getLogger(Connectors.class);
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int REBALANCE_ATTEMPTS = 8;
  private static final Duration REBALANCE_PAUSE = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI worker;

  public Connectors(URI worker) {
    this.worker = worker;
  }

  /** A connector's name and its configuration with every variable filled. */
  public record Connector(String name, Map<String, String> config) {}

  public URI rest() {
    return worker;
  }

  /** Every {@code *.json} in {@code dir}, by file name, with {@code variables} filled in. */
  public static List<Connector> read(Path dir, Map<String, String> variables) throws IOException {
    List<Connector> connectors = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Map<String, String> config = new LinkedHashMap<>();
        Map<?, ?> raw = JSON.readValue(file.toFile(), Map.class);
        raw.forEach((k, v) -> config.put(k.toString(), filled(String.valueOf(v), variables, file)));
        connectors.add(new Connector(name, config));
      }
    }
    return connectors;
  }

  private static String filled(String value, Map<String, String> variables, Path file) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = variables.get(m.group(1));
      if (replacement == null) {
        throw new IllegalArgumentException(file + " names ${" + m.group(1) + "}, which krag does not set; it sets " + variables.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  /** PUTs each configuration; a connector the worker refuses is an error naming it and the worker's reason. */
  public void apply(List<Connector> connectors) throws IOException, InterruptedException {
    for (Connector connector : connectors) {
      HttpRequest put = HttpRequest.newBuilder(worker.resolve("/connectors/" + connector.name() + "/config"))
          .timeout(TIMEOUT).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(connector.config()))).build();
      HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
      // 409: the worker's group is rebalancing (another instance of krag may be applying the same
      // configurations as it starts); Connect asks for the request again once it has settled.
      for (int attempt = 1; response.statusCode() == 409 && attempt < REBALANCE_ATTEMPTS; attempt++) {
        Thread.sleep(REBALANCE_PAUSE.toMillis() * attempt);
        response = http.send(put, HttpResponse.BodyHandlers.ofString());
      }
      if (response.statusCode() / 100 != 2) {
        throw new IOException("Connect refused connector " + connector.name() + " (" + response.statusCode() + "): " + response.body());
      }
      log.info("connector {} {}", connector.name(), response.statusCode() == 201 ? "created" : "up to date");
    }
  }

  /** The state of a connector and its tasks as the worker reports it, e.g. {@code RUNNING}. */
  public List<String> states(String name) throws IOException, InterruptedException {
    HttpRequest get = HttpRequest.newBuilder(worker.resolve("/connectors/" + name + "/status")).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return List.of("UNKNOWN");
    }
    Map<?, ?> status = JSON.readValue(response.body(), Map.class);
    List<String> states = new ArrayList<>();
    states.add(String.valueOf(((Map<?, ?>) status.get("connector")).get("state")));
    for (Object task : (List<?>) status.get("tasks")) {
      states.add(String.valueOf(((Map<?, ?>) task).get("state")));
    }
    return states;
  }
}
