package dev.krag.stages.edit;

import dev.krag.schemas.AssetKeys;
import dev.krag.schemas.Cue;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.ShotAssets;
import dev.krag.schemas.ShotMusic;
import dev.krag.stages.generate.Speech;
import dev.krag.stages.generate.Wav;
import dev.krag.stages.music.AacFile;
import dev.krag.stages.music.Mixer;
import dev.krag.stages.music.Mood;
import dev.krag.stages.music.PiecePlayer;
import dev.krag.stages.music.Soundtrack;
import dev.krag.stages.plan.ShotPlanner;
import dev.krag.stages.store.AssetStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/**
 * Cuts the film with FFmpeg's libraries in-process: a title card, every shot with a slow pan and
 * zoom over its still (the window its illustrator chose), its narration and its caption, cuts
 * within a scene and crossfades where the scene changes, and an end card with the credits. Frames
 * are composed in I420 and handed to x264 as they are (BT.709, yuv420p, fast start), the sound as
 * AAC at 48 kHz, with a soft subtitle track and SubRip and WebVTT sidecars beside the video. A
 * crossfade plays over the outgoing shot's closing silence, so no word is covered. Under the
 * narration, ducked, each shot's music as the generate stage made it, and the cards' music played
 * here; the mix is at −16 LUFS.
 */
public final class VideoEditor {

  /** The subtitle sidecars written beside every video, by file extension. */
  public static final List<String> SUBTITLE_FORMATS = List.of("srt", "vtt");
  /** Matches the planner's lead-out, the silence a crossfade may use. */
  static final double CROSSFADE_SECONDS = 0.6;
  /** How far a card's slow zoom goes. */
  static final double CARD_ZOOM = 1.08;
  /** How far every stretch of music runs on under the next, in samples. */
  private static final int MUSIC_RUNS_ON = (int) Math.round(Soundtrack.CROSSFADE_SECONDS * AacFile.SAMPLE_RATE);
  /**
   * −16 LUFS, limited to −3.5 dBTP at first: 2.2 dB kept for the AAC encoder, which moved the peak
   * of twenty-minute tales by 1.3 to 1.7 dB, so that one encode is enough for most films (each
   * encode, decode and meter of such a tale takes about 40 s of a core). {@link AacHeadroom}
   * measures and corrects where the encoder took more.
   */
  static final Mixer.Settings SOUND = new Mixer.Settings(-16, -3.5, -18, -10, 0.05, 0.4, 0.25, 20);

  static {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
  }

  private final AssetStore store;
  private final PiecePlayer pieces;

  public VideoEditor(AssetStore store, PiecePlayer pieces) {
    this.store = store;
    this.pieces = pieces;
  }

  /** What the editor made: where, and how long it should play. */
  public record Edited(String videoKey, double plannedSeconds, double encodeSeconds) {}

  /** The film as planned: its segments, the music under each, and the subtitle cues timed to them. */
  private record Timeline(List<Segment> segments, List<Backing> music, List<Subtitles.Cue> cues) {}

  /** The music under a segment, and the scene it belongs to (a card's is the scene beside it). */
  private record Backing(String sceneId, Music music) {}

  /** Music read or played when the sound is made, not before: the sound thread does it while the picture is encoded. */
  @FunctionalInterface
  private interface Music {
    short[] samples() throws IOException;
  }

  /** The film of these shots at {@code videoKey}, and its subtitles beside it. */
  public Edited edit(String title, List<ShotAssets> shots, RunConfig config, String videoKey) throws IOException {
    if (shots.isEmpty()) {
      throw new IllegalArgumentException("nothing to edit: no shots");
    }
    long started = System.nanoTime();
    Timeline film = timeline(title, shots, config);
    Path picture = Files.createTempFile("krag-picture-", ".mp4");
    Path sound = Files.createTempFile("krag-sound-", ".m4a");
    Path joined = Files.createTempFile("krag-film-", ".mp4");
    long frames;
    // The sound (music, mix, the AAC check) is made while the picture is encoded: neither waits for the other.
    try (ExecutorService mixing = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("krag-edit-sound").factory())) {
      Future<?> mixed = mixing.submit(() -> {
        encodeSound(film, sound);
        return null;
      });
      frames = encodePicture(film.segments(), config, picture);
      awaitSound(mixed);
      FilmMux.join(List.of(picture, sound), film.cues(), joined);
      store.put(videoKey, joined);
      for (String format : SUBTITLE_FORMATS) {
        store.write(AssetKeys.sidecar(videoKey, format), Subtitles.of(format, film.cues()).getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(picture);
      Files.deleteIfExists(sound);
      Files.deleteIfExists(joined);
    }
    return new Edited(videoKey, frames / (double) config.getFps(), (System.nanoTime() - started) / 1e9);
  }

  /** The storyboard sheet of these shots, as a PNG at {@code key}. */
  public void storyboard(String title, List<ShotAssets> shots, String key) throws IOException {
    BufferedImage sheet = Storyboard.draw(title, shots, shot -> {
      try {
        return readImage(shot.getImagePath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(sheet, "png", png);
    store.write(key, png.toByteArray());
  }

  private Timeline timeline(String title, List<ShotAssets> shots, RunConfig config) throws IOException {
    int fps = config.getFps();
    int samplesPerFrame = AacFile.SAMPLE_RATE / fps;
    Rect whole = Rect.newBuilder().setX(0).setY(0).setWidth(1).setHeight(1).build();
    Rect closer = Rect.newBuilder().setX((1 - 1 / CARD_ZOOM) / 2).setY((1 - 1 / CARD_ZOOM) / 2).setWidth(1 / CARD_ZOOM)
        .setHeight(1 / CARD_ZOOM).build();
    List<Segment> film = new ArrayList<>();
    int titleFrames = (int) Math.round(ShotPlanner.TITLE_SECONDS * fps);
    BufferedImage first = readImage(shots.getFirst().getImagePath());
    film.add(new Segment(Cards.title(title, first), whole, closer, titleFrames, new short[titleFrames * samplesPerFrame], List.of(),
        "title"));
    List<Backing> music = new ArrayList<>();
    ShotMusic opening = shots.getFirst().getTask().getShot().getMusic();
    music.add(new Backing(shots.getFirst().getTask().getShot().getSceneId(), played(opening,
        Math.max(0, opening.getFromSeconds() - ShotPlanner.TITLE_SECONDS), titleFrames * samplesPerFrame + MUSIC_RUNS_ON)));
    List<Subtitles.Cue> cues = new ArrayList<>();
    long at = titleFrames;
    for (ShotAssets shot : shots) {
      int shotFrames = (int) Math.round(shot.getDurationSeconds() * fps);
      double start = at / (double) fps;
      List<Segment.Line> captions = new ArrayList<>();
      for (Cue spoken : spokenLines(shot)) {
        cues.add(new Subtitles.Cue(start + spoken.getStartSeconds(), start + Math.min(spoken.getEndSeconds(), shotFrames / (double) fps),
            spoken.getText()));
        captions.add(new Segment.Line(captions.isEmpty() ? 0 : (int) Math.round(spoken.getStartSeconds() * fps), spoken.getText()));
      }
      at += shotFrames;
      film.add(new Segment(readImage(shot.getImagePath()), shot.getManifest().getMotionStart(), shot.getManifest().getMotionEnd(),
          shotFrames, fitted(readSpeech(shot.getAudioPath()), (long) shotFrames * samplesPerFrame), captions,
          shot.getTask().getShot().getSceneId()));
      music.add(new Backing(shot.getTask().getShot().getSceneId(), shot.getMusicPath().isEmpty()
          ? played(shot.getTask().getShot().getMusic(), shot.getTask().getShot().getMusic().getFromSeconds(),
              shotFrames * samplesPerFrame + MUSIC_RUNS_ON)
          : () -> DecodedSound.of(store.localPath(shot.getMusicPath()))));
    }
    int endFrames = (int) Math.round(ShotPlanner.END_SECONDS * fps);
    BufferedImage last = readImage(shots.getLast().getImagePath());
    film.add(new Segment(Cards.end(title, last), closer, whole, endFrames, new short[endFrames * samplesPerFrame], List.of(), "end"));
    ShotMusic closing = shots.getLast().getTask().getShot().getMusic();
    music.add(new Backing(shots.getLast().getTask().getShot().getSceneId(),
        played(closing, closing.getFromSeconds() + shots.getLast().getDurationSeconds(), endFrames * samplesPerFrame)));
    return new Timeline(film, music, cues);
  }

  /**
   * A stretch of a shot's scene's piece played here: for the cards, which no shot task renders, and
   * for shots whose assets were made before each shot had its music.
   */
  private Music played(ShotMusic cue, double fromSeconds, int samples) {
    return () -> pieces.play(Mood.named(cue.getMood()), cue.getSeed(), fromSeconds, samples);
  }

  /** The shot's sentences as the voice spoke them; the whole narration at once for assets made before cues existed. */
  private static List<Cue> spokenLines(ShotAssets shot) {
    return shot.getCues().isEmpty()
        ? List.of(new Cue(shot.getTask().getShot().getNarration(), 0.0, shot.getAudioSeconds()))
        : shot.getCues();
  }

  /** The film's narration with its music under it, mixed and encoded to AAC in {@code file}. */
  private static void encodeSound(Timeline film, Path file) throws IOException {
    List<Soundtrack.Stretch> stretches = new ArrayList<>();
    for (int i = 0; i < film.segments().size(); i++) {
      Backing backing = film.music().get(i);
      stretches.add(new Soundtrack.Stretch(backing.sceneId(), film.segments().get(i).audio(), backing.music().samples()));
    }
    AacHeadroom.encode(new Soundtrack(new Mixer(SOUND)).make(stretches), SOUND, file);
  }

  private static void awaitSound(Future<?> mixed) throws IOException {
    try {
      mixed.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the sound was mixed");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException("the sound could not be made", e.getCause());
    }
  }

  /** The film's frames, composed a few ahead on another thread, encoded with x264 into {@code file}; the frame count. */
  private static long encodePicture(List<Segment> film, RunConfig config, Path file) throws IOException {
    int w = config.getWidth();
    int h = config.getHeight();
    ByteBuffer out = ByteBuffer.allocateDirect(w * h * 3 / 2);
    long frames = 0;
    try (FFmpegFrameRecorder recorder = recorder(file, config);
        FramesAhead composed = new FramesAhead(new FrameComposer(film, w, h, config.getFps()), w, h)) {
      recorder.start();
      for (Yuv420 frame = composed.take(); frame != null; frame = composed.take()) {
        out.clear();
        out.put(frame.data()).flip();
        composed.release(frame);
        recorder.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, avutil.AV_PIX_FMT_YUV420P, out);
        frames++;
      }
      recorder.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the picture was encoded");
    }
    return frames;
  }

  private static FFmpegFrameRecorder recorder(Path file, RunConfig config) {
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), config.getWidth(), config.getHeight(), 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libx264");
    recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(config.getFps());
    recorder.setGopSize(config.getFps() * 2);
    recorder.setVideoBitrate(0);
    recorder.setVideoOption("preset", "veryfast");
    recorder.setVideoOption("crf", "21");
    // Flat cut-paper colours compress like animation; the tags say how the frames were converted.
    recorder.setVideoOption("tune", "animation");
    recorder.setVideoOption("x264-params", "colorprim=bt709:transfer=bt709:colormatrix=bt709");
    return recorder;
  }


  private BufferedImage readImage(String key) throws IOException {
    BufferedImage read = ImageIO.read(store.localPath(key).toFile());
    if (read == null) {
      throw new IOException("not an image: " + key);
    }
    if (read.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return read;
    }
    BufferedImage bgr = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    bgr.getGraphics().drawImage(read, 0, 0, null);
    return bgr;
  }

  private Speech readSpeech(String key) throws IOException {
    try (InputStream in = Files.newInputStream(store.localPath(key))) {
      return Wav.decode(in);
    }
  }

  /** The speech at 48 kHz, cut or padded with silence to exactly {@code length} samples. */
  static short[] fitted(Speech speech, long length) {
    short[] out = new short[Math.toIntExact(length)];
    double step = speech.sampleRate() / (double) AacFile.SAMPLE_RATE;
    short[] in = speech.samples();
    for (int i = 0; i < out.length; i++) {
      double at = i * step;
      int j = (int) at;
      if (j + 1 >= in.length) {
        break;
      }
      double t = at - j;
      out[i] = (short) Math.round(in[j] * (1 - t) + in[j + 1] * t);
    }
    return out;
  }
}
