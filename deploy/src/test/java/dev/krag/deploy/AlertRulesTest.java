package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules for the platform spec's alert table, checked by Prometheus's own tool:
 * they parse, and each alert fires on series past its threshold and stays quiet on series short
 * of it ({@code deploy/prometheus/alerts-test.yml} and {@code alerts-cost-test.yml}).
 */
class AlertRulesTest {

  private static final Path RULES = Path.of("prometheus", "alerts.yml");
  /** The cost spike's test spans days and is evaluated hourly, in a file of its own. */
  private static final List<Path> RULE_TESTS = List.of(Path.of("prometheus", "alerts-test.yml"), Path.of("prometheus", "alerts-cost-test.yml"));
  /** The spec's table: each alert with its severity. */
  private static final Map<String, String> SPEC = Map.of(
      "KragHighErrorRate", "critical",
      "KragPipelineStuck", "warning",
      "KragCostSpike", "warning",
      "KragApiLatency", "warning",
      "KragWorkerQueueDepth", "warning");

  @Test
  void theRulesParse() throws Exception {
    Ran check = promtool("check", "rules", RULES.toString());

    assertThat(check.code()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + SPEC.size() + " rules found");
  }

  @Test
  void theScrapeConfigurationParsesWithTheRules() throws Exception {
    Ran check = promtool("check", "config", Path.of("prometheus", "prometheus.yml").toString());

    assertThat(check.code()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + SPEC.size() + " rules found");
  }

  @Test
  void everyAlertOfTheSpecIsARuleWithItsSeverity() throws IOException {
    String rules = Files.readString(RULES);
    Matcher alert = Pattern.compile("- alert: (\\w+)(?s:.*?)severity: (\\w+)").matcher(rules);
    Map<String, String> found = new HashMap<>();
    while (alert.find()) {
      found.put(alert.group(1), alert.group(2));
    }

    assertThat(found).isEqualTo(SPEC);
  }

  @Test
  void everyAlertIsTestedFiringAndQuiet() throws IOException {
    List<String> cases = new ArrayList<>();
    for (Path tests : RULE_TESTS) {
      cases.addAll(Arrays.asList(Files.readString(tests).split("- eval_time:")));
    }

    for (String name : SPEC.keySet()) {
      List<String> ofAlert = cases.stream().filter(c -> c.contains("alertname: " + name + "\n")).toList();
      assertThat(ofAlert).as(name + " quiet").anyMatch(c -> c.contains("exp_alerts: []"));
      assertThat(ofAlert).as(name + " firing").anyMatch(c -> c.contains("exp_labels:"));
    }
  }

  @Test
  void eachAlertFiresPastItsThresholdAndNotShortOfIt() throws Exception {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    RULE_TESTS.forEach(tests -> args.add(tests.toString()));
    Ran test = promtool(args.toArray(String[]::new));

    assertThat(test.code()).as(test.output()).isZero();
    assertThat(test.output().split("SUCCESS", -1)).as(test.output()).hasSize(RULE_TESTS.size() + 1);
  }

  private record Ran(int code, String output) {}

  private static Ran promtool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("promtool is not installed: it is in Debian's prometheus package, which .ci/run installs", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return new Ran(process.exitValue(), output);
  }
}
