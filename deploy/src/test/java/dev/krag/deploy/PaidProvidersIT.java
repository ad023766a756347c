package dev.krag.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.deploy.cli.Cli;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.generate.FakeElevenLabs;
import dev.krag.stages.generate.FakeReplicate;
import dev.krag.stages.llm.ProviderDouble.Request;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code krag run} with paid pictures and voices, against local servers that speak Replicate's and
 * ElevenLabs' wire formats (no remote API is reachable here): each picture and reading is billed
 * once at its price, and a budget too small for the readings stops the run before it spends past it.
 */
class PaidProvidersIT {

  private static final Path TALE = Path.of(System.getProperty("krag.stories", "../../shared/stories"), "grimm", "43-the-fox-and-the-cat.txt");

  private record Ran(int code, JsonNode result, String stderr) {}

  private static Ran run(String name, Map<String, String> settings) throws Exception {
    Path out = Path.of("target", "it-out", name + "-" + System.currentTimeMillis());
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    // The bill does not depend on the frame's size, only its shape, nor on how many shots tell the tale.
    Map<String, String> env = SmallFilm.with(settings);
    env.put("KRAG_SINKS", "off");
    env.put("KRAG_STALL_TIMEOUT_SECONDS", "180");
    int code = new Cli(env::get, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8))
        .execute(new String[] {"run", TALE.toString(), "--out", out.toString(), "--json", "--target-duration", "30"});
    return new Ran(code, new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8)), stderr.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, String> paid(FakeReplicate replicate, FakeElevenLabs elevenLabs) {
    return Map.of(
        "REPLICATE_API_TOKEN", FakeReplicate.TOKEN, "REPLICATE_BASE_URL", replicate.baseUrl().toString(),
        "ELEVENLABS_API_KEY", FakeElevenLabs.KEY, "ELEVENLABS_BASE_URL", elevenLabs.baseUrl().toString(),
        "KRAG_VOICES", "elevenlabs:eleven_multilingual_v2/" + FakeElevenLabs.VOICE);
  }

  @Test
  void everyPaidPictureAndReadingIsBilledOnceAtItsPrice() throws Exception {
    try (FakeReplicate replicate = new FakeReplicate(); FakeElevenLabs elevenLabs = new FakeElevenLabs()) {
      Ran ran = run("paid", paid(replicate, elevenLabs));

      assertThat(ran.code()).as(ran.stderr()).isZero();
      assertThat(ran.result().get("status").asText()).isEqualTo("COMPLETED");
      long pictures = replicate.received.stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/predictions")).count();
      assertThat(pictures).as("a picture per shot of each iteration").isGreaterThanOrEqualTo(ran.result().get("shots").asLong());
      int characters = elevenLabs.received.stream().mapToInt(r -> r.body().path("text").asText().length()).sum();
      double billed = pictures * Prices.image("sdxl", 1368, 768) + characters / 1000.0 * Prices.speechPer1k("eleven_multilingual_v2");
      assertThat(ran.result().get("costUsd").asDouble()).as("what the providers were asked for, each call once").isCloseTo(billed,
          org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void aBudgetTooSmallForTheReadingsStopsTheRunBeforeItSpendsPastIt() throws Exception {
    try (FakeReplicate replicate = new FakeReplicate(); FakeElevenLabs elevenLabs = new FakeElevenLabs()) {
      Map<String, String> env = new HashMap<>(paid(replicate, elevenLabs));
      env.put("KRAG_MAX_COST_USD", "0.05");

      Ran ran = run("over-budget", env);

      assertThat(ran.code()).as(ran.stderr()).isEqualTo(3);
      assertThat(ran.result().get("status").asText()).isEqualTo("BUDGET_EXCEEDED");
      assertThat(ran.result().get("error").asText()).contains("budget exceeded");
      assertThat(ran.result().get("costUsd").asDouble()).isPositive().isLessThanOrEqualTo(0.05);
      assertThat(elevenLabs.received).extracting(Request::path).as("no reading was affordable").isEmpty();
      assertThat(ran.stderr()).contains("BUDGET_EXCEEDED");
    }
  }
}
