package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.Cue;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotGeneratorTest {

  @TempDir Path root;

  @Test
  void aRetriedTaskReusesItsAssetsAtNoCost() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated again = generator.generate(task);

    assertThat(first.calls()).noneMatch(ProviderCall::cacheHit);
    assertThat(first.calls()).extracting(ProviderCall::provider).containsExactly(new SilhouetteIllustrator().name(), "freetts-kevin16");
    assertThat(again.calls()).allMatch(ProviderCall::cacheHit).allMatch(c -> c.computeSeconds() == 0);
    assertThat(again.calls()).extracting(ProviderCall::provider).containsExactly(new SilhouetteIllustrator().name(), "freetts-kevin16");
    assertThat(again.assets()).isEqualTo(first.assets());
    assertThat(root.resolve(first.assets().getImagePath())).isRegularFile();
    assertThat(first.assets().getDurationSeconds()).isGreaterThanOrEqualTo(first.assets().getAudioSeconds());
    assertThat(first.assets().getDurationSeconds() * 24).isCloseTo(Math.rint(first.assets().getDurationSeconds() * 24),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void everySentenceHasACueInsideTheAudio() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
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

    ShotAssets first = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), store).generate(task).assets();
    ShotGenerator.Generated other = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(renamed), store).generate(task);

    assertThat(other.assets().getAudioPath()).isNotEqualTo(first.getAudioPath());
    assertThat(other.calls()).filteredOn(c -> c.provider().equals("another")).singleElement()
        .matches(c -> !c.cacheHit());
  }

  @Test
  void aSlowerHintRendersTheNarrationAgainAndLonger() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    ShotTask slower = ShotTask.newBuilder(task).setIteration(1).setRefinementHint(ShotGenerator.SLOWER).build();

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated refined = generator.generate(slower);

    assertThat(refined.assets().getAudioPath()).isNotEqualTo(first.assets().getAudioPath());
    assertThat(refined.assets().getImagePath()).isEqualTo(first.assets().getImagePath());
    assertThat(refined.assets().getAudioSeconds()).isGreaterThan(first.assets().getAudioSeconds());
  }

  @Test
  void aShotSentBackForItsPictureIsDrawnAgainAndKeepsItsNarration() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), Narrator.of(new FreeTtsVoice()), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    ShotTask redraw = ShotTask.newBuilder(task).setIteration(1).setRefinementHint("drawn more than one way: char-fox").build();

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated refined = generator.generate(redraw);

    assertThat(refined.assets().getImagePath()).isNotEqualTo(first.assets().getImagePath());
    assertThat(refined.assets().getAudioPath()).isEqualTo(first.assets().getAudioPath());
    assertThat(refined.calls()).filteredOn(c -> !c.unit().equals("image")).allSatisfy(c -> assertThat(c.cacheHit()).isTrue());
  }
}
