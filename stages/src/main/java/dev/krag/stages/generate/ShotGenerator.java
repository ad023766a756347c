package dev.krag.stages.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.plan.ShotPlanner;
import dev.krag.schemas.AssetKeys;
import dev.krag.stages.store.AssetStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Renders one shot: its frame and its narration, with a cue for each sentence. Each asset is stored under a hash of its inputs
 * and reused when it is already there, so a retried task or a refinement that leaves a shot as
 * it was costs nothing.
 */
public final class ShotGenerator {

  /** The critic's hint that asks for slower narration; the voice then reads at this share of the pace. */
  public static final String SLOWER = "slower";
  static final double SLOWER_PACE = 0.85;
  /** How far a reading may miss the planned time before it is read again. */
  static final double PLAN_TOLERANCE = 0.03;
  /** How far the pace may be corrected to meet the plan. */
  static final double PACE_CORRECTION = 0.2;

  private static final ObjectMapper CUES = new ObjectMapper();
  private static final TypeReference<List<Narrator.Spoken>> SPOKEN = new TypeReference<>() {};

  private final Illustrator illustrator;
  private final Narrator narrator;
  private final AssetStore store;

  public ShotGenerator(Illustrator illustrator, Narrator narrator, AssetStore store) {
    this.illustrator = illustrator;
    this.narrator = narrator;
    this.store = store;
  }

  /** The assets of a shot, and the provider calls it took. */
  public record Generated(ShotAssets assets, List<ProviderCall> calls) {}

  public Generated generate(ShotTask task) throws IOException {
    String runId = task.getRunId();
    String shotId = task.getShot().getShotId();
    String callKey = shotId + "#" + task.getIteration();

    String imageHash = InputsHash.of(illustrator.name(), shotId, task.getShot().getCamera(), task.getShot().getNarration(),
        cast(task.getCharacters()), task.getLocation().getName(), task.getLocation().getDescription(),
        task.getConfig().getWidth(), task.getConfig().getHeight(), pictureHint(task));
    String imageKey = AssetKeys.image(runId, shotId, imageHash);
    String manifestKey = AssetKeys.manifest(runId, shotId, imageHash);
    boolean imageCached = store.exists(imageKey) && store.exists(manifestKey);
    long started = System.nanoTime();
    RenderManifest manifest;
    if (imageCached) {
      manifest = AvroJson.read(Files.readAllBytes(store.localPath(manifestKey)), RenderManifest.class);
    } else {
      Illustration illustration = illustrator.draw(task);
      store.write(imageKey, png(illustration.image()));
      store.write(manifestKey, AvroJson.write(illustration.manifest()));
      manifest = illustration.manifest();
    }
    ProviderCall imageCall = ProviderCall.local(callKey, illustrator.name(), 1, "image", seconds(started), imageCached);

    int pace = pace(task);
    String narration = task.getShot().getNarration();
    // A slower reading keeps its pace: its time is the plan's, stretched by as much as it slowed.
    double readingSeconds = task.getShot().getDurationSeconds() * task.getConfig().getWordsPerMinute() / pace;
    String audioHash = InputsHash.of(narrator.name(), Narrator.SENTENCE_PAUSE_SECONDS, narration, pace, readingSeconds);
    String audioKey = AssetKeys.voiceover(runId, shotId, audioHash);
    String cuesKey = AssetKeys.cues(runId, shotId, audioHash);
    boolean audioCached = store.exists(audioKey) && store.exists(cuesKey);
    started = System.nanoTime();
    List<Narrator.Spoken> sentences;
    if (audioCached) {
      sentences = CUES.readValue(Files.readAllBytes(store.localPath(cuesKey)), SPOKEN);
    } else {
      Narrator.Narration spoken = narrateToPlan(narration, pace, readingSeconds);
      store.write(audioKey, Wav.encode(spoken.speech()));
      store.write(cuesKey, CUES.writeValueAsBytes(spoken.sentences()));
      sentences = spoken.sentences();
    }
    double audioSeconds;
    try (InputStream wav = Files.newInputStream(store.localPath(audioKey))) {
      audioSeconds = Wav.decode(wav).seconds();
    }
    List<ProviderCall> calls = new ArrayList<>(List.of(imageCall));
    calls.addAll(voiceCalls(callKey, sentences, seconds(started), audioCached));

    ShotAssets assets = ShotAssets.newBuilder()
        .setTask(task)
        .setImagePath(imageKey)
        .setAudioPath(audioKey)
        .setAudioSeconds(audioSeconds)
        .setDurationSeconds(screenTime(task, audioSeconds))
        .setInputsHash(InputsHash.of(imageHash, audioHash))
        .setManifest(manifest)
        .setCues(sentences.stream().map(Narrator.Spoken::cue).toList())
        .build();
    return new Generated(assets, List.copyOf(calls));
  }

  /**
   * Narrates so the reading fills the shot's planned time: a voice's real pace depends on the
   * text (punctuation, long words), so a first reading that misses the plan by more than
   * {@link #PLAN_TOLERANCE} is read again at a corrected pace, within {@link #PACE_CORRECTION} of the
   * asked one. The plan stays the truth the editor and the critic measure against.
   */
  private Narrator.Narration narrateToPlan(String narration, int pace, double plannedSeconds) {
    Narrator.Narration spoken = narrator.narrate(narration, pace);
    double target = plannedSeconds - ShotPlanner.LEAD_OUT_SECONDS;
    double ratio = spoken.speech().seconds() / target;
    if (target <= 0 || Math.abs(ratio - 1) <= PLAN_TOLERANCE) {
      return spoken;
    }
    double corrected = Math.clamp(pace * ratio, pace * (1 - PACE_CORRECTION), pace * (1 + PACE_CORRECTION));
    return narrator.narrate(narration, (int) Math.round(corrected));
  }

  /**
   * One call per voice that read a stretch of narration, counted in the characters it read. The compute time
   * is shared out by those characters: the voices run one after the other, untimed apart.
   */
  private static List<ProviderCall> voiceCalls(String callKey, List<Narrator.Spoken> sentences, double seconds, boolean cached) {
    Map<String, Integer> characters = new LinkedHashMap<>();
    sentences.stream().flatMap(s -> s.parts().stream()).filter(p -> !Narrator.NO_VOICE.equals(p.voice()))
        .forEach(p -> characters.merge(p.voice(), p.text().length(), Integer::sum));
    double total = characters.values().stream().mapToInt(Integer::intValue).sum();
    return characters.entrySet().stream()
        .map(e -> ProviderCall.local(callKey, e.getKey(), e.getValue(), "character", seconds * e.getValue() / total, cached))
        .toList();
  }

  /** The planned time, stretched to hold the whole narration, on a whole number of frames. */
  static double screenTime(ShotTask task, double audioSeconds) {
    int fps = task.getConfig().getFps();
    double wanted = Math.max(task.getShot().getDurationSeconds(), audioSeconds + ShotPlanner.LEAD_OUT_SECONDS);
    return Math.ceil(wanted * fps - 1e-9) / fps;
  }

  /**
   * What a refinement asks of the picture: a shot sent back for anything but its pace is drawn
   * anew (the hint is an input of the drawing), while one that only asks for slower narration
   * keeps its picture from the cache.
   */
  private static String pictureHint(ShotTask task) {
    String hint = Objects.toString(task.getRefinementHint(), "");
    boolean onlyPace = Arrays.stream(hint.split(";")).allMatch(part -> part.toLowerCase(Locale.ROOT).contains(SLOWER));
    return onlyPace ? "" : hint;
  }

  private static int pace(ShotTask task) {
    int pace = task.getConfig().getWordsPerMinute();
    String hint = task.getRefinementHint();
    return hint != null && hint.toLowerCase(Locale.ROOT).contains(SLOWER) ? (int) Math.round(pace * SLOWER_PACE) : pace;
  }

  private static String cast(List<StoryCharacter> characters) {
    StringBuilder sb = new StringBuilder();
    characters.forEach(c -> sb.append(c.getId()).append('#').append(c.getCastIndex()).append('=').append(c.getDescription())
        .append(';'));
    return sb.toString();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
