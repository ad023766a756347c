package dev.krag.stages.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krag.schemas.ShotTask;
import dev.krag.stages.Fixtures;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.store.LocalAssetStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotGeneratorTest {

  @TempDir Path root;

  @Test
  void aRetriedTaskReusesItsAssetsAtNoCost() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), new FreeTtsVoice(), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated again = generator.generate(task);

    assertThat(first.calls()).noneMatch(ProviderCall::cacheHit);
    assertThat(again.calls()).allMatch(ProviderCall::cacheHit).allMatch(c -> c.computeSeconds() == 0);
    assertThat(again.assets()).isEqualTo(first.assets());
    assertThat(root.resolve(first.assets().getImagePath())).isRegularFile();
    assertThat(first.assets().getDurationSeconds()).isGreaterThanOrEqualTo(first.assets().getAudioSeconds());
    assertThat(first.assets().getDurationSeconds() * 24).isCloseTo(Math.rint(first.assets().getDurationSeconds() * 24),
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aSlowerHintRendersTheNarrationAgainAndLonger() throws Exception {
    ShotGenerator generator = new ShotGenerator(new SilhouetteIllustrator(), new FreeTtsVoice(), new LocalAssetStore(root));
    ShotTask task = Fixtures.task("scene-001-shot-01", "scene-001", 0, "The fox looked at the cat from head to foot.", 1, 1);
    ShotTask slower = ShotTask.newBuilder(task).setIteration(1).setRefinementHint(ShotGenerator.SLOWER).build();

    ShotGenerator.Generated first = generator.generate(task);
    ShotGenerator.Generated refined = generator.generate(slower);

    assertThat(refined.assets().getAudioPath()).isNotEqualTo(first.assets().getAudioPath());
    assertThat(refined.assets().getImagePath()).isEqualTo(first.assets().getImagePath());
    assertThat(refined.assets().getAudioSeconds()).isGreaterThan(first.assets().getAudioSeconds());
  }
}
