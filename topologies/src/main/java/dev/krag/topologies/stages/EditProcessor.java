package dev.krag.topologies.stages;

import dev.krag.schemas.EditRequested;
import dev.krag.schemas.RunEventType;
import dev.krag.schemas.Stage;
import dev.krag.schemas.Topics;
import dev.krag.schemas.VideoEdited;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.edit.VideoEditor;
import dev.krag.schemas.AssetKeys;
import dev.krag.topologies.CostEvents;
import dev.krag.topologies.Outputs;
import dev.krag.topologies.RunEvents;
import dev.krag.topologies.RunTracing;
import java.util.Locale;
import java.util.Map;

/** Cuts the rendered shots of one iteration into a draft video. */
final class EditProcessor extends StageProcessor<EditRequested> {

  private final VideoEditor editor;

  EditProcessor(VideoEditor editor, RunTracing tracing) {
    super(Stage.EDIT, tracing);
    this.editor = editor;
  }

  @Override
  void handle(EditRequested request, Outputs out) throws Exception {
    RunEvents.send(out, request.getRunId(), Stage.EDIT, RunEventType.STARTED, request.getIteration(),
        "editing " + request.getShots().size() + " shots", Map.of());
    VideoEditor.Edited edited = editor.edit(request.getTitle(), request.getShots(), request.getConfig(),
        AssetKeys.draft(request.getRunId(), request.getIteration()));
    editor.storyboard(request.getTitle(), request.getShots(), AssetKeys.storyboard(request.getRunId()));
    out.send(Topics.VIDEOS_EDITED, request.getRunId(), VideoEdited.newBuilder()
        .setRunId(request.getRunId())
        .setTitle(request.getTitle())
        .setIteration(request.getIteration())
        .setVideoPath(edited.videoKey())
        .setPlannedSeconds(edited.plannedSeconds())
        .setShots(request.getShots())
        .setSceneCount(request.getSceneCount())
        .setConfig(request.getConfig())
        .build());
    CostEvents.send(out, request.getRunId(), Stage.EDIT, ProviderCall.local("edit#" + request.getIteration(),
        "ffmpeg-libx264-aac", edited.plannedSeconds(), "second", edited.encodeSeconds(), false));
    RunEvents.send(out, request.getRunId(), Stage.EDIT, RunEventType.COMPLETED, request.getIteration(),
        String.format(Locale.ROOT, "%.1f s of video in %.1f s", edited.plannedSeconds(), edited.encodeSeconds()),
        Map.of("draft", edited.videoKey(), "storyboard", AssetKeys.storyboard(request.getRunId()),
            "encodeSeconds", String.format(Locale.ROOT, "%.3f", edited.encodeSeconds()),
            "plannedSeconds", String.format(Locale.ROOT, "%.3f", edited.plannedSeconds())));
  }

  @Override
  String runId(EditRequested value) {
    return value.getRunId();
  }

  @Override
  int iteration(EditRequested value) {
    return value.getIteration();
  }
}
