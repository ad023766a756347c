package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.api.ApiKeyToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.krag.stages.llm.FakeOpenAi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a story file can be wrong ends in one line naming the problem and exit code 2. */
class CliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void parseAsksTheConfiguredModelFirstAndFallsBackToTheLocalParser() throws Exception {
    Path story = write("fox.txt", """
        The Fox in the Wood

        A fox lived in the wood. One day the fox met a cat.
        """.getBytes(StandardCharsets.UTF_8));
    try (FakeOpenAi openAi = new FakeOpenAi()) {
      openAi.answering(r -> """
          {"characters": [{"name": "the fox", "aliases": [], "description": "a fox"},
                          {"name": "the cat", "aliases": [], "description": ""}],
           "locations": [{"name": "the wood", "description": ""}],
           "scenes": [{"firstSentence": 0, "lastSentence": 1, "location": "the wood", "characters": ["the fox", "the cat"],
                       "summary": "A fox meets a cat in the wood."}],
           "relations": []}
          """);
      Map<String, String> env = Map.of("OPENAI_BASE_URL", openAi.baseUrl().toString(), "KRAG_LLM_MODELS", "openai:gpt-4.1-mini",
          "KRAG_LLM_ATTEMPTS", "1");

      int answered = new Cli(env::get, print(out), print(err)).execute(new String[] {"parse", story.toString(), "--json"});
      String byModel = out.toString();
      out.reset();
      openAi.then(FakeOpenAi.error(500, "boom", Map.of()));
      int fellBack = new Cli(env::get, print(out), print(err)).execute(new String[] {"parse", story.toString(), "--json"});

      assertThat(answered).isZero();
      assertThat(byModel).contains("\"parser\" : \"openai:gpt-4.1-mini\"").contains("A fox meets a cat in the wood.");
      assertThat(fellBack).isZero();
      assertThat(out.toString()).contains("\"parser\" : \"local-lexicon-parser:local\"");
    }
  }

  @Test
  void aMissingFile() {
    assertRejected(new String[] {"run", dir.resolve("nope.txt").toString()}, "no such file");
  }

  @Test
  void anEmptyStory() throws Exception {
    assertRejected(new String[] {"run", write("empty.txt", new byte[0]).toString()}, "empty story");
  }

  @Test
  void aWhitespaceOnlyStory() throws Exception {
    assertRejected(new String[] {"run", write("blank.txt", " \n\t \n".getBytes(StandardCharsets.UTF_8)).toString()}, "empty story");
  }

  @Test
  void aFileThatIsNotUtf8() throws Exception {
    byte[] latin1 = "Once upon a time a café stood by the wood.".getBytes(StandardCharsets.ISO_8859_1);
    assertRejected(new String[] {"run", write("latin1.txt", latin1).toString()}, "not UTF-8 text");
  }

  @Test
  void aBinaryFile() throws Exception {
    assertRejected(new String[] {"parse", write("bin.txt", new byte[] {'a', 0, 'b'}).toString()}, "NUL bytes");
  }

  @Test
  void aStoryOverTheSizeLimit() throws Exception {
    Path big = write("big.txt", "word ".repeat(100).getBytes(StandardCharsets.UTF_8));
    int code = new Cli(Map.of("KRAG_MAX_STORY_BYTES", "100")::get, print(out), print(err))
        .execute(new String[] {"run", big.toString(), "--out", dir.toString()});
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("krag: story too large").contains("the limit is 100");
  }

  @Test
  void anUnknownCommandOrOption() {
    assertRejected(new String[] {"dance", "story.txt"}, "unknown command 'dance'");
    err.reset();
    assertRejected(new String[] {"run", "story.txt", "--fast"}, "unknown option --fast");
  }

  @Test
  void aTargetDurationThatIsNotANumberOfSeconds() {
    assertRejected(new String[] {"run", "story.txt", "--target-duration", "soon"}, "--target-duration takes seconds");
  }

  @Test
  void parsePrintsTheSceneGraphAsJson() throws Exception {
    Path story = write("tale.txt", """
        The Miller's Cat

        A miller lived by the river with his cat. One day the cat went into the forest.
        In the forest the cat met a fox, and the fox said: 'Good day, Mrs Cat.'
        """.getBytes(StandardCharsets.UTF_8));

    int code = new Cli(Map.<String, String>of()::get, print(out), print(err))
        .execute(new String[] {"parse", story.toString(), "--json", "--out", dir.toString()});

    assertThat(code).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(json.get("title").asText()).isEqualTo("The Miller's Cat");
    assertThat(json.get("scenes").size()).isPositive();
    assertThat(json.get("scenes").get(0).has("characters")).isTrue();
    assertThat(json.findValuesAsText("name")).contains("the cat", "the fox", "the miller");
  }

  @Test
  void adminKeyPrintsANewKeyEachTime() {
    Cli cli = new Cli(Map.<String, String>of()::get, print(out), print(err));

    assertThat(cli.execute(new String[] {"admin-key", "--out", dir.toString()})).isZero();
    assertThat(cli.execute(new String[] {"admin-key", "--out", dir.toString()})).isZero();

    List<String> keys = out.toString().lines().toList();
    assertThat(keys).hasSize(2).doesNotHaveDuplicates();
    assertThat(keys).allSatisfy(key -> assertThat(ApiKeyToken.parse(key)).as(key).isPresent());
  }

  private void assertRejected(String[] args, String message) {
    String[] withOut = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--out", dir.toString()))
        .toArray(String[]::new);
    int code = new Cli(Map.<String, String>of()::get, print(out), print(err)).execute(withOut);
    assertThat(code).isEqualTo(2);
    String text = err.toString();
    assertThat(text).startsWith("krag: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
