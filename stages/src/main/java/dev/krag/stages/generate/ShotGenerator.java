package dev.krag.stages.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krag.schemas.AvroJson;
import dev.krag.schemas.RenderManifest;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotMusic;
import dev.krag.schemas.ShotTask;
import dev.krag.schemas.StoryCharacter;
import dev.krag.stages.cost.Budget;
import dev.krag.stages.cost.BudgetExceeded;
import dev.krag.stages.cost.Metered;
import dev.krag.stages.cost.ProviderCall;
import dev.krag.stages.music.AacFile;
import dev.krag.stages.music.Mood;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Soundtrack;
import dev.krag.stages.plan.ShotPlanner;
import dev.krag.schemas.AssetKeys;
import dev.krag.stages.store.AssetCache;
import dev.krag.stages.store.AssetStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Renders one shot: its frame, its narration with a cue for each sentence, and its music (its
 * stretch of the scene's piece, as long as the shot plays and the crossfade after it). Each asset
 * is stored under a hash of its inputs and reused when it is already there, or copied from another
 * run that made it from the same inputs within the asset cache's time, so a retried task, a
 * refinement that leaves a shot as it was, or a story told again costs nothing.
 */
public final class ShotGenerator {

  /** The critic's hint that asks for slower narration; the voice then reads at this share of the pace. */
  public static final String SLOWER = "slower";
  static final double SLOWER_PACE = 0.85;
  /** How far a reading may miss the planned time before it is read again. */
  static final double PLAN_TOLERANCE = 0.03;
  /** How far the pace may be corrected to meet the plan. */
  static final double PACE_CORRECTION = 0.2;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Narrator.Spoken>> SPOKEN = new TypeReference<>() {};
  private static final TypeReference<List<ProviderCall>> CALLS = new TypeReference<>() {};

  private final IllustratorChain pictures;
  private final Narrator narrator;
  private final PiecePlayer music;
  private final AssetStore store;
  private final AssetCache cache;

  public ShotGenerator(IllustratorChain pictures, Narrator narrator, PiecePlayer music, AssetStore store, AssetCache cache) {
    this.pictures = pictures;
    this.narrator = narrator;
    this.music = music;
    this.store = store;
    this.cache = cache;
  }

  /** The assets of a shot, and the provider calls it took. */
  public record Generated(ShotAssets assets, List<ProviderCall> calls) {}

  /**
   * @throws BudgetExceeded when a paid picture or reading would cross the task's share of the run's
   *     budget; it carries the calls the shot paid for before
   */
  public Generated generate(ShotTask task) throws IOException {
    Budget budget = Budget.of(task.getBudgetUsd());
    List<ProviderCall> calls = new ArrayList<>();
    try {
      return generate(task, budget, calls);
    } catch (BudgetExceeded e) {
      throw e.after(calls);
    }
  }

  private Generated generate(ShotTask task, Budget budget, List<ProviderCall> calls) throws IOException {
    String runId = task.getRunId();
    String shotId = task.getShot().getShotId();
    String callKey = shotId + "#" + task.getIteration();

    String imageHash = InputsHash.of(pictures.name(), shotId, task.getShot().getCamera(), task.getShot().getNarration(),
        cast(task.getCharacters()), task.getLocation().getName(), task.getLocation().getDescription(),
        task.getConfig().getWidth(), task.getConfig().getHeight(), pictureHint(task));
    String imageKey = AssetKeys.image(runId, shotId, imageHash);
    String manifestKey = AssetKeys.manifest(runId, shotId, imageHash);
    RenderManifest manifest;
    Origin image = origin(imageHash, runId, run -> List.of(AssetKeys.image(run, shotId, imageHash), AssetKeys.manifest(run, shotId, imageHash)));
    if (image != Origin.NEW) {
      manifest = AvroJson.read(Files.readAllBytes(store.localPath(manifestKey)), RenderManifest.class);
      calls.addAll(billed(image, imageKey, callKey).orElse(List.of(ProviderCall.of(callKey, manifest.getIllustrator(), 1, "image", 0, 0, true))));
    } else {
      Metered<Illustration> drawn = pictures.draw(task, callKey, budget);
      calls.addAll(drawn.calls());
      store.write(AssetKeys.calls(imageKey), JSON.writeValueAsBytes(drawn.calls()));
      store.write(imageKey, png(drawn.value().image()));
      store.write(manifestKey, AvroJson.write(drawn.value().manifest()));
      cache.remember(imageHash, runId);
      manifest = drawn.value().manifest();
    }

    int pace = pace(task);
    String narration = task.getShot().getNarration();
    // A slower reading keeps its pace: its time is the plan's, stretched by as much as it slowed.
    double readingSeconds = task.getShot().getDurationSeconds() * task.getConfig().getWordsPerMinute() / pace;
    String audioHash = InputsHash.of(narrator.name(), Narrator.SENTENCE_PAUSE_SECONDS, narration, pace, readingSeconds);
    String audioKey = AssetKeys.voiceover(runId, shotId, audioHash);
    String cuesKey = AssetKeys.cues(runId, shotId, audioHash);
    List<Narrator.Spoken> sentences;
    Origin audio = origin(audioHash, runId, run -> List.of(AssetKeys.voiceover(run, shotId, audioHash), AssetKeys.cues(run, shotId, audioHash)));
    if (audio != Origin.NEW) {
      sentences = JSON.readValue(Files.readAllBytes(store.localPath(cuesKey)), SPOKEN);
      calls.addAll(billed(audio, audioKey, callKey).orElse(voiceCalls(callKey, List.of(sentences), 0, true)));
    } else {
      long started = System.nanoTime();
      List<Narrator.Narration> readings = narrateToPlan(narration, pace, readingSeconds, budget);
      Narrator.Narration spoken = readings.getLast();
      List<ProviderCall> read = voiceCalls(callKey, readings.stream().map(Narrator.Narration::sentences).toList(), seconds(started), false);
      calls.addAll(read);
      store.write(AssetKeys.calls(audioKey), JSON.writeValueAsBytes(read));
      store.write(audioKey, Wav.encode(spoken.speech()));
      store.write(cuesKey, JSON.writeValueAsBytes(spoken.sentences()));
      cache.remember(audioHash, runId);
      sentences = spoken.sentences();
    }
    double audioSeconds;
    try (InputStream wav = Files.newInputStream(store.localPath(audioKey))) {
      audioSeconds = Wav.decode(wav).seconds();
    }

    double screenTime = screenTime(task, audioSeconds);
    String musicKey = music(task, screenTime, callKey, calls);

    ShotAssets assets = ShotAssets.newBuilder()
        .setTask(task)
        .setImagePath(imageKey)
        .setAudioPath(audioKey)
        .setAudioSeconds(audioSeconds)
        .setDurationSeconds(screenTime)
        .setMusicPath(musicKey)
        .setInputsHash(InputsHash.of(imageHash, audioHash))
        .setManifest(manifest)
        .setCues(sentences.stream().map(Narrator.Spoken::cue).toList())
        .build();
    return new Generated(assets, List.copyOf(calls));
  }

  /**
   * The shot's stretch of its scene's piece, for as long as it plays and the crossfade into the next
   * shot: made once for these inputs, whatever the picture or the run, and billed as a local call
   * (its compute time, no money) like the picture and the reading.
   */
  private String music(ShotTask task, double screenTime, String callKey, List<ProviderCall> calls) throws IOException {
    ShotMusic cue = task.getShot().getMusic();
    Mood mood = Mood.named(cue.getMood());
    int samples = (int) Math.round((screenTime + Soundtrack.CROSSFADE_SECONDS) * AacFile.SAMPLE_RATE);
    double seconds = samples / (double) AacFile.SAMPLE_RATE;
    String hash = InputsHash.of(music.name(), mood, cue.getSeed(), cue.getFromSeconds(), samples);
    String runId = task.getRunId();
    String shotId = task.getShot().getShotId();
    String key = AssetKeys.music(runId, shotId, hash);
    Origin origin = origin(hash, runId, run -> List.of(AssetKeys.music(run, shotId, hash)));
    if (origin != Origin.NEW) {
      calls.addAll(billed(origin, key, callKey).orElse(List.of(ProviderCall.local(callKey, PiecePlayer.PROVIDER, seconds, "second", 0, true))));
      return key;
    }
    long started = System.nanoTime();
    Path file = Files.createTempFile("krag-music-", ".m4a");
    try {
      AacFile.write(music.play(mood, cue.getSeed(), cue.getFromSeconds(), samples), file);
      List<ProviderCall> played = List.of(ProviderCall.local(callKey, PiecePlayer.PROVIDER, seconds, "second", seconds(started), false));
      store.write(AssetKeys.calls(key), JSON.writeValueAsBytes(played));
      store.put(key, file);
      calls.addAll(played);
    } finally {
      Files.deleteIfExists(file);
    }
    cache.remember(hash, runId);
    return key;
  }

  /** Where a shot's files come from: made now, already the run's own, or copied from another run. */
  private enum Origin { NEW, OWN, COPIED }

  /**
   * Whether the run holds the files made from inputs with this hash: its own, from an earlier try or
   * iteration, or copies of another run's that the asset cache says made them.
   *
   * @param keysOf the files' keys in a given run
   */
  private Origin origin(String hash, String runId, Function<String, List<String>> keysOf) throws IOException {
    List<String> own = keysOf.apply(runId);
    if (allExist(own)) {
      return Origin.OWN;
    }
    Optional<List<String>> theirs = cache.runHolding(hash).filter(other -> !other.equals(runId)).map(keysOf).filter(this::allExist);
    if (theirs.isEmpty()) {
      return Origin.NEW;
    }
    for (int i = 0; i < own.size(); i++) {
      store.copy(theirs.get().get(i), own.get(i));
    }
    return Origin.COPIED;
  }

  /**
   * The calls that made the run's own asset when this same task made it (a redelivered task whose
   * bill may not have reached the ledger): billed again, under the same ids, they count once
   * whether or not the first bill arrived. Another iteration's asset, or another run's, is a cache
   * hit instead.
   */
  private Optional<List<ProviderCall>> billed(Origin origin, String assetKey, String callKey) throws IOException {
    String recorded = AssetKeys.calls(assetKey);
    if (origin != Origin.OWN || !store.exists(recorded)) {
      return Optional.empty();
    }
    List<ProviderCall> calls = JSON.readValue(Files.readAllBytes(store.localPath(recorded)), CALLS);
    return calls.stream().allMatch(call -> call.key().equals(callKey)) ? Optional.of(calls) : Optional.empty();
  }

  private boolean allExist(List<String> keys) {
    return keys.stream().allMatch(store::exists);
  }

  /**
   * Narrates so the reading fills the shot's planned time: a voice's real pace depends on the
   * text (punctuation, long words), so a first reading that misses the plan by more than
   * {@link #PLAN_TOLERANCE} is read again at a corrected pace, within {@link #PACE_CORRECTION} of the
   * asked one. The plan stays the truth the editor and the critic measure against. Every reading
   * is paid for, so both are given back; the last is the one kept.
   */
  private List<Narrator.Narration> narrateToPlan(String narration, int pace, double plannedSeconds, Budget budget) {
    Narrator.Narration spoken = narrate(narration, pace, budget);
    double target = plannedSeconds - ShotPlanner.LEAD_OUT_SECONDS;
    double ratio = spoken.speech().seconds() / target;
    if (target <= 0 || Math.abs(ratio - 1) <= PLAN_TOLERANCE) {
      return List.of(spoken);
    }
    double corrected = Math.clamp(pace * ratio, pace * (1 - PACE_CORRECTION), pace * (1 + PACE_CORRECTION));
    return List.of(spoken, narrate(narration, (int) Math.round(corrected), budget));
  }

  /** One reading, checked against the budget at the dearest voice's price and charged at what the voices that read it charge. */
  private Narrator.Narration narrate(String narration, int pace, Budget budget) {
    budget.check(narrator.name(), narrator.mostUsd(narration));
    Narrator.Narration spoken = narrator.narrate(narration, pace);
    budget.charge(spoken.sentences().stream().flatMap(s -> s.parts().stream()).mapToDouble(narrator::priceUsd).sum());
    return spoken;
  }

  /**
   * One call per voice that read a stretch of narration, counted in the characters it read over
   * every reading and priced by the voice. The compute time is shared out by those characters: the
   * voices run one after the other, untimed apart.
   */
  private List<ProviderCall> voiceCalls(String callKey, List<List<Narrator.Spoken>> readings, double seconds, boolean cached) {
    Map<String, Integer> characters = new LinkedHashMap<>();
    Map<String, Double> usd = new LinkedHashMap<>();
    readings.stream().flatMap(List::stream).flatMap(s -> s.parts().stream()).filter(p -> !Narrator.NO_VOICE.equals(p.voice()))
        .forEach(p -> {
          characters.merge(p.voice(), p.text().length(), Integer::sum);
          usd.merge(p.voice(), cached ? 0.0 : narrator.priceUsd(p), Double::sum);
        });
    double total = characters.values().stream().mapToInt(Integer::intValue).sum();
    return characters.entrySet().stream()
        .map(e -> ProviderCall.of(callKey, e.getKey(), e.getValue(), "character", usd.get(e.getKey()), seconds * e.getValue() / total, cached))
        .toList();
  }

  /** The planned time, stretched to hold the whole narration, on a whole number of frames. */
  public static double screenTime(ShotTask task, double audioSeconds) {
    int fps = task.getConfig().getFps();
    return ShotPlanner.onFrames(Math.max(task.getShot().getDurationSeconds(), audioSeconds + ShotPlanner.LEAD_OUT_SECONDS), fps);
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
