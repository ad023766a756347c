package dev.krag.stages;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Location;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.Shot;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.generate.Illustrator;
import dev.krag.stages.generate.IllustratorChain;
import dev.krag.stages.generate.Narrator;
import dev.krag.stages.generate.ShotGenerator;
import dev.krag.stages.music.Composer;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Synth;
import dev.krag.stages.store.AssetCache;
import dev.krag.stages.store.AssetStore;
import dev.krag.stages.store.LocalAssetCache;
import java.time.Clock;
import java.util.List;

/** Small hand-made records for stage tests. */
public final class Fixtures {

  /** One synthesizer for every test that makes music: it keeps its SoundFont loaded. */
  public static final PiecePlayer MUSIC = new PiecePlayer(new Composer(), new Synth());
  public static final StoryCharacter FOX = StoryCharacter.newBuilder()
      .setId("char-fox").setName("the fox").setAliases(List.of("Mr Fox")).setDescription("arrogant fox").build();
  public static final StoryCharacter CAT = StoryCharacter.newBuilder()
      .setId("char-cat").setName("the cat").setAliases(List.of()).setDescription("modest cat").setCastIndex(1).build();
  public static final Location FOREST = Location.newBuilder()
      .setId("loc-forest").setName("the forest").setDescription("forest").build();

  private Fixtures() {}

  public static ShotTask task(String shotId, String sceneId, int index, String narration, int shotCount, int sceneCount) {
    RunConfig config = RunConfig.newBuilder().setWidth(640).setHeight(360).build();
    Shot shot = Shot.newBuilder()
        .setShotId(shotId).setSceneId(sceneId).setIndex(index).setDurationSeconds(2.0).setCamera(Camera.MEDIUM)
        .setNarration(narration).setImagePrompt("medium shot of the forest").setCharacterIds(List.of("char-fox", "char-cat"))
        .setLocationId(FOREST.getId()).build();
    return ShotTask.newBuilder()
        .setRunId("run-test").setTitle("The Fox And The Cat").setIteration(0).setShotCount(shotCount)
        .setSceneCount(sceneCount).setShot(shot).setCharacters(List.of(FOX, CAT)).setLocation(FOREST)
        .setConfig(config).build();
  }

  /** A generator drawing with this illustrator alone, with an asset cache of its own. */
  public static ShotGenerator generator(Illustrator illustrator, Narrator narrator, AssetStore store) {
    return new ShotGenerator(IllustratorChain.local(illustrator), narrator, MUSIC, store, new LocalAssetCache(AssetCache.DEFAULT_TTL, Clock.systemUTC()));
  }
}
