package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.krag.schemas.Cue;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import dev.krag.stages.edit.DecodedSound;
import dev.krag.stages.music.Loudness;
import dev.krag.stages.music.Mood;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Soundtrack;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Prices;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.llm.HttpJson;
import dev.krag.stages.llm.ProviderDouble;
import dev.krag.stages.store.AssetCache;
import dev.krag.stages.store.LocalAssetCache;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotGeneratorTest {

  @TempDir Path root;

  @Test
  void aRetriedTaskReusesItsAssetsAndBillsTheSameCallsAgainUnderTheSameKeys() throws Exception {
    ShotGenerator generator = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated again = generator.generate(task);

    assertThat(first.calls()).noneMatch(ProviderCall::cacheHit);
    assertThat(first.calls()).extracting(ProviderCall::provider).containsExactly(new SilhouetteIllustrator().name(), "freetts-kevin16",
        PiecePlayer.PROVIDER);
    assertThat(again.calls()).as("the first bill may never have reached the ledger; the same calls count once").isEqualTo(first.calls());
    assertThat(again.assets()).isEqualTo(first.assets());
    ShotGenerator.Generated next = generator.generate(ShotTask.newBuilder(task).setIteration(1).build());
    assertThat(next.calls()).as("another iteration reuses at no cost").allMatch(ProviderCall::cacheHit)
        .allMatch(c -> c.computeSeconds() == 0 && c.usd() == 0);
    assertThat(next.assets().getMusicPath()).isEqualTo(first.assets().getMusicPath());
    assertThat(root.resolve(first.assets().getImagePath())).isRegularFile();
    short[] music = DecodedSound.of(root.resolve(first.assets().getMusicPath()));
    assertThat(music.length / 48_000.0).as("the music runs as long as the shot and the crossfade after it")
        .isCloseTo(first.assets().getDurationSeconds() + Soundtrack.CROSSFADE_SECONDS, org.assertj.core.data.Offset.offset(0.05));
    assertThat(Loudness.integrated(music)).as("and is heard").isGreaterThan(-40);
    short[] played = Fixtures.MUSIC.play(Mood.CALM, 0, 0, 48_000);
    assertThat(bestLag(music, played)).as("stored as played, not a sample late or early (the encoder's priming is cut)").isZero();
    assertThat(first.assets().getDurationSeconds()).isGreaterThanOrEqualTo(first.assets().getAudioSeconds());
    assertThat(first.assets().getDurationSeconds() * 24).isCloseTo(Math.rint(first.assets().getDurationSeconds() * 24),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void everySentenceHasACueInsideTheAudio() throws Exception {
    ShotGenerator generator = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0,
        "The fox looked at the cat from head to foot. He did not know whether to answer. At last he spoke.", 1, 1);

    ShotAssets assets = generator.generate(task).assets();

    List<Cue> cues = assets.getCues();
    assertThat(cues).extracting(Cue::getText).containsExactly(
        "The fox looked at the cat from head to foot.", "He did not know whether to answer.", "At last he spoke.");
    assertThat(cues.getFirst().getStartSeconds()).isZero();
    for (int i = 1; i < cues.size(); i++) {
      assertThat(cues.get(i).getStartSeconds()).isGreaterThan(cues.get(i - 1).getEndSeconds());
    }
    assertThat(cues.getLast().getEndSeconds() + Narrator.SENTENCE_PAUSE_SECONDS)
        .isCloseTo(assets.getAudioSeconds(), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void anotherVoiceRendersTheNarrationAgain() throws Exception {
    LocalAssetStore store = new LocalAssetStore(root);
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    Voice renamed = new Voice() {
      private final FreeTtsVoice kevin = new FreeTtsVoice();
      @Override public String name() { return "another"; }
      @Override public Speech speak(String text, int wordsPerMinute) { return kevin.speak(text, wordsPerMinute); }
    };

    ShotAssets first = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), store).generate(task).assets();
    ShotGenerator.Generated other = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(renamed), store).generate(task);

    assertThat(other.assets().getAudioPath()).isNotEqualTo(first.getAudioPath());
    assertThat(other.calls()).filteredOn(c -> c.provider().equals("another")).singleElement()
        .matches(c -> !c.cacheHit());
  }

  @Test
  void aSlowerHintRendersTheNarrationAgainAndLonger() throws Exception {
    ShotGenerator generator = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    ShotTask slower = ShotTask.newBuilder(task).setIteration(1).setRefinementHint(ShotGenerator.SLOWER).build();

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated refined = generator.generate(slower);

    assertThat(refined.assets().getAudioPath()).isNotEqualTo(first.assets().getAudioPath());
    assertThat(refined.assets().getImagePath()).isEqualTo(first.assets().getImagePath());
    assertThat(refined.assets().getAudioSeconds()).isGreaterThan(first.assets().getAudioSeconds());
    assertThat(refined.assets().getMusicPath()).as("a longer shot, longer music").isNotEqualTo(first.assets().getMusicPath());
  }

  @Test
  void aShotSentBackForItsPictureIsDrawnAgainAndKeepsItsNarration() throws Exception {
    ShotGenerator generator = Fixtures.generator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    ShotTask redraw = ShotTask.newBuilder(task).setIteration(1).setRefinementHint("drawn more than one way: char-fox").build();

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated refined = generator.generate(redraw);

    assertThat(refined.assets().getImagePath()).isNotEqualTo(first.assets().getImagePath());
    assertThat(refined.assets().getAudioPath()).isEqualTo(first.assets().getAudioPath());
    assertThat(refined.assets().getMusicPath()).isEqualTo(first.assets().getMusicPath());
    assertThat(refined.calls()).filteredOn(c -> !c.unit().equals("image")).allSatisfy(c -> assertThat(c.cacheHit()).isTrue());
  }

  /** The shift of {@code b} against {@code a}, in samples within ±2048, at which the two are most alike. */
  private static int bestLag(short[] a, short[] b) {
    int best = 0;
    double least = Double.MAX_VALUE;
    for (int lag = -2048; lag <= 2048; lag++) {
      double sum = 0;
      for (int i = 4096; i < b.length - 4096; i++) {
        double d = a[i + lag] - b[i];
        sum += d * d;
      }
      if (sum < least) {
        least = sum;
        best = lag;
      }
    }
    return best;
  }

  /** Paid pictures and voices from a local server speaking OpenAI's wire format, then the local ones. */
  private ShotGenerator paid(FakeOpenAiMedia openAi, AssetCache cache) {
    HttpJson http = new HttpJson(new HttpJson.Policy(Duration.ofSeconds(10), 1, Duration.ofMillis(1), Duration.ofMillis(5)));
    IllustratorChain pictures = new IllustratorChain(
        List.of(new RemoteIllustrator(new OpenAiImages(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiImages.GPT_IMAGE_1, http))),
        new SilhouetteIllustrator());
    Narrator narrator = new Narrator(List.of(new OpenAiVoice(openAi.baseUrl(), FakeOpenAiMedia.KEY, OpenAiVoice.TTS_1, OpenAiVoice.ALLOY, http),
        new FreeTtsVoice()), List.of());
    return new ShotGenerator(pictures, narrator, Fixtures.MUSIC, new LocalAssetStore(root), cache);
  }

  private static final String LINE = "The fox looked at the cat from head to foot.";

  @Test
  void paidPicturesAndReadingsAreBilledAtTheirPricesAndSignedByTheirMakers() throws Exception {
    try (FakeOpenAiMedia openAi = new FakeOpenAiMedia()) {
      ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, LINE, 1, 1);

      ShotGenerator.Generated generated = paid(openAi, new LocalAssetCache(AssetCache.DEFAULT_TTL, Clock.systemUTC())).generate(task);

      assertThat(generated.assets().getManifest().getIllustrator()).isEqualTo("openai:gpt-image-1");
      assertThat(generated.calls()).filteredOn(c -> c.unit().equals("image")).singleElement().satisfies(call -> {
        assertThat(call.provider()).isEqualTo("openai");
        assertThat(call.usd()).isEqualTo(Prices.image("gpt-image-1", 1536, 1024)).isPositive();
      });
      double characters = generated.calls().stream().filter(c -> c.unit().equals("character")).mapToDouble(ProviderCall::units).sum();
      assertThat(generated.calls()).filteredOn(c -> c.unit().equals("character")).allSatisfy(call -> {
        assertThat(call.model()).isEqualTo("tts-1/alloy");
        assertThat(call.usd()).isCloseTo(call.units() / 1000 * Prices.speechPer1k("tts-1"), within(1e-12));
      });
      assertThat(characters).as("every reading is paid for").isGreaterThanOrEqualTo(LINE.length());

      int asked = openAi.received.size();
      ShotGenerator.Generated redelivered = paid(openAi, new LocalAssetCache(AssetCache.DEFAULT_TTL, Clock.systemUTC())).generate(task);
      assertThat(openAi.received).as("nothing asked for again").hasSize(asked);
      assertThat(redelivered.calls()).as("the paid calls billed again under their keys, to count once").isEqualTo(generated.calls());
    }
  }

  @Test
  void aFailingPainterFallsBackToTheIllustratorAndAnotherRunOfTheSameShotPaysNothing() throws Exception {
    try (FakeOpenAiMedia openAi = new FakeOpenAiMedia()) {
      openAi.then(FakeOpenAiMedia.error(400, "Your request was rejected by the safety system.", "invalid_request_error", null,
          "moderation_blocked", Map.of()));
      AssetCache cache = new LocalAssetCache(AssetCache.DEFAULT_TTL, Clock.systemUTC());
      ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, LINE, 1, 1);

      ShotGenerator.Generated first = paid(openAi, cache).generate(task);
      int asked = openAi.received.size();
      ShotTask elsewhere = ShotTask.newBuilder(task).setRunId("run-other").build();
      ShotGenerator.Generated second = paid(openAi, cache).generate(elsewhere);

      assertThat(first.assets().getManifest().getIllustrator()).isEqualTo(new SilhouetteIllustrator().name());
      assertThat(openAi.received).as("the other run asked nobody").hasSize(asked);
      assertThat(second.calls()).allSatisfy(call -> {
        assertThat(call.cacheHit()).isTrue();
        assertThat(call.usd()).isZero();
      });
      assertThat(second.calls()).extracting(ProviderCall::provider).contains(new SilhouetteIllustrator().name(), "openai");
      assertThat(root.resolve(second.assets().getImagePath())).as("a copy in the other run's folder").isRegularFile()
          .hasSameBinaryContentAs(root.resolve(first.assets().getImagePath()));
      assertThat(second.assets().getImagePath()).contains("run-other");
    }
  }

  @Test
  void aShotWhoseShareOfTheBudgetCannotPayForItsReadingStopsWithThePictureOnTheBill() throws Exception {
    try (FakeOpenAiMedia openAi = new FakeOpenAiMedia()) {
      // The picture costs $0.063; the reading of 44 characters at $0.015 per 1,000 another $0.00066.
      ShotTask task = ShotTask.newBuilder(Fixtures.task("scene-001-shot-01", "scene-001", 0, LINE, 1, 1)).setBudgetUsd(0.0633).build();

      assertThatThrownBy(() -> paid(openAi, new LocalAssetCache(AssetCache.DEFAULT_TTL, Clock.systemUTC())).generate(task))
          .isInstanceOfSatisfying(BudgetExceeded.class, e -> assertThat(e.spent()).singleElement()
              .satisfies(call -> assertThat(call.unit()).isEqualTo("image")));
      assertThat(openAi.received).extracting(ProviderDouble.Request::path).containsExactly("/v1/images/generations");
    }
  }
}
