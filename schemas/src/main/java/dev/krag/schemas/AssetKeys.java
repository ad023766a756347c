package dev.krag.schemas;

/** The bucket layout of the platform spec: one place that knows where each artifact lives. */
public final class AssetKeys {

  private AssetKeys() {}

  public static String source(String storyId) {
    return "inputs/" + storyId + "/source.txt";
  }

  /** Frames are content-addressed: a changed shot gets a new object, an unchanged one keeps its own. */
  public static String image(String runId, String shotId, String hash) {
    return "assets/" + runId + "/images/" + shotId + "-" + hash + ".png";
  }

  /** The render manifest of a frame, beside it and under the same hash. */
  public static String manifest(String runId, String shotId, String hash) {
    return "assets/" + runId + "/images/" + shotId + "-" + hash + ".json";
  }

  /** The provider calls that made an asset, kept beside it so that a retried task bills them again under the same ids. */
  public static String calls(String assetKey) {
    return assetKey + ".calls.json";
  }

  public static String voiceover(String runId, String shotId, String hash) {
    return "assets/" + runId + "/audio/voiceover-" + shotId + "-" + hash + ".wav";
  }

  /** When each sentence of the voiceover with the same hash is heard, as JSON. */
  public static String cues(String runId, String shotId, String hash) {
    return "assets/" + runId + "/audio/voiceover-" + shotId + "-" + hash + ".cues.json";
  }

  /** A shot's music, its stretch of its scene's piece. */
  public static String music(String runId, String shotId, String hash) {
    return "assets/" + runId + "/audio/music-" + shotId + "-" + hash + ".m4a";
  }

  public static String draft(String runId, int iteration) {
    return "assets/" + runId + "/video/draft-" + iteration + ".mp4";
  }

  /** The storyboard sheet of the run's latest draft. */
  public static String storyboard(String runId) {
    return "artifacts/" + runId + "/storyboard.png";
  }

  /** The parse stage's scene graph: scenes, characters, locations and relations. */
  public static String sceneGraph(String runId) {
    return "artifacts/" + runId + "/scene_graph.json";
  }

  /** The plan stage's shots. */
  public static String shotPlan(String runId) {
    return "artifacts/" + runId + "/shot_plan.json";
  }

  /** Every iteration's critique of the run. */
  public static String feedback(String runId) {
    return "artifacts/" + runId + "/feedback.json";
  }

  public static String finalVideo(String runId) {
    return "outputs/" + runId + "/final.mp4";
  }

  /** A file that travels with a video, such as its subtitles ({@code final.srt} beside {@code final.mp4}). */
  public static String sidecar(String videoKey, String extension) {
    return videoKey.substring(0, videoKey.lastIndexOf('.')) + "." + extension;
  }
}
