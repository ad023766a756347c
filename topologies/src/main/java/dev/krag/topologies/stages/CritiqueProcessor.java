package dev.krag.topologies.stages;

import dev.krag.schemas.Critique;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.schemas.Verdict;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.critique.Critic;
import dev.krag.stages.critique.VideoProbe;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.schemas.AssetKeys;
import dev.krag.stages.store.AssetStore;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.util.Locale;
import java.util.Map;

/** Measures a draft; an accepted draft is published as the run's final video before the verdict goes out. */
final class CritiqueProcessor extends StageProcessor<VideoEdited> {

  private final VideoProbe probe;
  private final Critic critic;
  private final AssetStore assets;

  CritiqueProcessor(VideoProbe probe, Critic critic, AssetStore assets, RunTracing tracing) {
    super(Stage.CRITIQUE, tracing);
    this.probe = probe;
    this.critic = critic;
    this.assets = assets;
  }

  @Override
  void handle(VideoEdited video, Outputs out) throws Exception {
    RunEvents.send(out, video.getRunId(), Stage.CRITIQUE, RunEventType.STARTED, video.getIteration(), "measuring the draft", Map.of());
    long started = System.nanoTime();
    Critique critique = critic.critique(video, probe.probe(assets.localPath(video.getVideoPath())));
    if (critique.getVerdict() == Verdict.ACCEPT) {
      String finalKey = AssetKeys.finalVideo(video.getRunId());
      assets.copy(video.getVideoPath(), finalKey);
      // The subtitles beside the draft follow it when it is accepted.
      for (String subtitles : VideoEditor.SUBTITLE_FORMATS) {
        assets.copy(AssetKeys.sidecar(video.getVideoPath(), subtitles), AssetKeys.sidecar(finalKey, subtitles));
      }
      critique.setVideoPath(finalKey);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.send(Topics.CRITIQUES, video.getRunId(), critique);
    CostEvents.send(out, video.getRunId(), Stage.CRITIQUE,
        ProviderCall.local("critique#" + video.getIteration(), "local-critic", 1, "video", seconds, false));
    RunEvents.send(out, video.getRunId(), Stage.CRITIQUE, RunEventType.COMPLETED, video.getIteration(),
        String.format(Locale.ROOT, "%s, score %.2f", critique.getVerdict(), critique.getScore()),
        Map.of("verdict", critique.getVerdict().name(), "score", String.format(Locale.ROOT, "%.3f", critique.getScore())));
  }

  @Override
  String runId(VideoEdited value) {
    return value.getRunId();
  }

  @Override
  int iteration(VideoEdited value) {
    return value.getIteration();
  }
}
