package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.KragConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code KRAG_LOG_FORMAT=json}: krag's own logging configuration writes one JSON object a line to stdout. */
class JsonLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachLineIsJsonNamingTheRunAndTheStage() throws Exception {
    PrintStream stdout = System.out;
    Map<String, String> properties = new java.util.HashMap<>();
    for (String property : List.of(Logs.FILE, Logs.FORMAT)) {
      properties.put(property, System.getProperty(property));
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Logs.configure(Path.of("target"), KragConfig.logFormat(Map.of("KRAG_LOG_FORMAT", "json")::get));
      LoggerContext.getContext(false).reconfigure();
      MDC.put("run_id", "run-9");
      MDC.put("stage", "edit");
      LoggerFactory.getLogger("dev.krag.stages").info("EDIT done in {} ms", 42);
      LoggerFactory.getLogger("dev.krag.stages").error("the encoder stopped", new IllegalStateException("no frames"));
    } finally {
      MDC.clear();
      System.setOut(stdout);
      properties.forEach((property, value) -> {
        if (value == null) {
          System.clearProperty(property);
        } else {
          System.setProperty(property, value);
        }
      });
      LoggerContext.getContext(false).reconfigure();
    }

    List<JsonNode> lines = captured.toString(StandardCharsets.UTF_8).lines().map(JsonLogsTest::parse).toList();
    assertThat(lines).hasSize(2);
    JsonNode done = lines.getFirst();
    assertThat(done.path("message").asText()).isEqualTo("EDIT done in 42 ms");
    assertThat(done.path("level").asText()).isEqualTo("INFO");
    assertThat(done.path("run_id").asText()).isEqualTo("run-9");
    assertThat(done.path("stage").asText()).isEqualTo("edit");
    assertThat(done.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode failed = lines.getLast();
    assertThat(failed.path("error").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(failed.path("error_message").asText()).isEqualTo("no frames");
    assertThat(failed.path("stack_trace").asText()).contains("JsonLogsTest");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
