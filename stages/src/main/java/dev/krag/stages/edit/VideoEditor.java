package dev.krag.stages.edit;

import dev.krag.schemas.Cue;
import dev.krag.schemas.Rect;
import dev.krag.schemas.RunConfig;
import dev.krag.schemas.ShotAssets;
import dev.krag.stages.generate.Speech;
import dev.krag.stages.generate.Wav;
import dev.krag.stages.music.Composer;
import dev.krag.stages.music.Mixer;
import dev.krag.stages.music.Soundtrack;
import dev.krag.stages.music.Synth;
import dev.krag.stages.store.AssetKeys;
import dev.krag.stages.store.AssetStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
 * crossfade plays over the outgoing shot's closing silence, so no word is covered. Each scene has
 * music in its mood, ducked under the narration; the mix is at −16 LUFS.
 */
public final class VideoEditor {

  public static final int SAMPLE_RATE = 48_000;
  /** The subtitle sidecars written beside every video, by file extension. */
  public static final List<String> SUBTITLE_FORMATS = List.of("srt", "vtt");
  public static final double TITLE_SECONDS = 3.5;
  public static final double END_SECONDS = 6.0;
  /** Matches the planner's lead-out, the silence a crossfade may use. */
  static final double CROSSFADE_SECONDS = 0.6;
  /** How far a card's slow zoom goes. */
  static final double CARD_ZOOM = 1.08;
  /**
   * −16 LUFS, limited to −2 dBTP at first: a dB kept for the AAC encoder, which {@link AacHeadroom}
   * measures and corrects where it took more.
   */
  static final Mixer.Settings SOUND = new Mixer.Settings(-16, -2, -18, -10, 0.05, 0.4, 0.25, 20);
  /** One synthesizer for every film: it keeps its SoundFont loaded. */
  private static final Synth SYNTH = new Synth();

  static {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
  }

  private final AssetStore store;

  public VideoEditor(AssetStore store) {
    this.store = store;
  }

  /** What the editor made: where, and how long it should play. */
  public record Edited(String videoKey, double plannedSeconds, double encodeSeconds) {}

  /** One stretch of the film: a still, its motion, its sound and its captions. */
  private record Segment(BufferedImage still, Rect start, Rect end, int frames, short[] audio, List<Line> captions,
      String sceneId) {}

  /** A caption shown from {@code frame} of its segment until the next one begins. */
  private record Line(int frame, String text) {}

  /** The film as planned: its segments, and the subtitle cues timed to them. */
  private record Timeline(List<Segment> segments, List<Subtitles.Cue> cues) {}

  public Edited edit(String title, List<ShotAssets> shots, RunConfig config, String videoKey) throws IOException {
    if (shots.isEmpty()) {
      throw new IllegalArgumentException("nothing to edit: no shots");
    }
    long started = System.nanoTime();
    Timeline film = timeline(title, shots, config);
    Path encoded = Files.createTempFile("krag-edit-", ".mp4");
    Path subtitled = Files.createTempFile("krag-edit-", ".mp4");
    long frames = 0;
    try (FFmpegFrameRecorder recorder = recorder(encoded, config)) {
      recorder.start();
      frames = render(film.segments(), sound(film.segments()), config, recorder);
      recorder.stop();
      SubtitleTrack.remux(encoded, subtitled, film.cues());
      store.put(videoKey, subtitled);
      for (String format : SUBTITLE_FORMATS) {
        store.write(AssetKeys.sidecar(videoKey, format), Subtitles.of(format, film.cues()).getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(encoded);
      Files.deleteIfExists(subtitled);
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
    int samplesPerFrame = SAMPLE_RATE / fps;
    Rect whole = Rect.newBuilder().setX(0).setY(0).setWidth(1).setHeight(1).build();
    Rect closer = Rect.newBuilder().setX((1 - 1 / CARD_ZOOM) / 2).setY((1 - 1 / CARD_ZOOM) / 2).setWidth(1 / CARD_ZOOM)
        .setHeight(1 / CARD_ZOOM).build();
    List<Segment> film = new ArrayList<>();
    int titleFrames = (int) Math.round(TITLE_SECONDS * fps);
    BufferedImage first = readImage(shots.getFirst().getImagePath());
    film.add(new Segment(Cards.title(title, first), whole, closer, titleFrames, new short[titleFrames * samplesPerFrame], List.of(),
        "title"));
    List<Subtitles.Cue> cues = new ArrayList<>();
    long at = titleFrames;
    for (ShotAssets shot : shots) {
      int shotFrames = (int) Math.round(shot.getDurationSeconds() * fps);
      double start = at / (double) fps;
      List<Line> captions = new ArrayList<>();
      for (Cue spoken : spokenLines(shot)) {
        cues.add(new Subtitles.Cue(start + spoken.getStartSeconds(), start + Math.min(spoken.getEndSeconds(), shotFrames / (double) fps),
            spoken.getText()));
        captions.add(new Line(captions.isEmpty() ? 0 : (int) Math.round(spoken.getStartSeconds() * fps), spoken.getText()));
      }
      at += shotFrames;
      film.add(new Segment(readImage(shot.getImagePath()), shot.getManifest().getMotionStart(), shot.getManifest().getMotionEnd(),
          shotFrames, fitted(readSpeech(shot.getAudioPath()), (long) shotFrames * samplesPerFrame), captions,
          shot.getTask().getShot().getSceneId()));
    }
    int endFrames = (int) Math.round(END_SECONDS * fps);
    BufferedImage last = readImage(shots.getLast().getImagePath());
    film.add(new Segment(Cards.end(title, last), closer, whole, endFrames, new short[endFrames * samplesPerFrame], List.of(), "end"));
    return new Timeline(film, cues);
  }

  /** The shot's sentences as the voice spoke them; the whole narration at once for assets made before cues existed. */
  private static List<Cue> spokenLines(ShotAssets shot) {
    return shot.getCues().isEmpty()
        ? List.of(new Cue(shot.getTask().getShot().getNarration(), 0.0, shot.getAudioSeconds()))
        : shot.getCues();
  }

  /** The film's narration with each scene's music under it, mixed, in one track. */
  private static short[] sound(List<Segment> film) throws IOException {
    List<Soundtrack.Stretch> stretches = film.stream()
        .map(s -> s.captions().isEmpty() ? new Soundtrack.Stretch(null, null, s.audio())
            : new Soundtrack.Stretch(s.sceneId(), s.captions().stream().map(Line::text).collect(Collectors.joining(" ")), s.audio()))
        .toList();
    return AacHeadroom.fitted(new Soundtrack(new Composer(), SYNTH, new Mixer(SOUND)).make(stretches), SOUND);
  }

  private static long render(List<Segment> film, short[] sound, RunConfig config, FFmpegFrameRecorder recorder)
      throws IOException {
    int w = config.getWidth();
    int h = config.getHeight();
    int samplesPerFrame = SAMPLE_RATE / config.getFps();
    int crossfade = (int) Math.round(CROSSFADE_SECONDS * config.getFps());
    KenBurns camera = new KenBurns();
    Yuv420 frame = Yuv420.blank(w, h);
    Yuv420 incoming = Yuv420.blank(w, h);
    ByteBuffer out = ByteBuffer.allocateDirect(frame.data().length);
    long frames = 0;
    Yuv420 next = Yuv420.of(film.getFirst().still());
    for (int s = 0; s < film.size(); s++) {
      Segment segment = film.get(s);
      Yuv420 still = next;
      Segment following = s + 1 < film.size() ? film.get(s + 1) : null;
      next = following == null ? null : Yuv420.of(following.still());
      boolean fades = following != null && !following.sceneId().equals(segment.sceneId());
      int fadeFrames = fades ? Math.min(crossfade, segment.frames() / 3) : 0;
      if (fades) {
        camera.render(next, following.start(), following.end(), 0, incoming);
      }
      CaptionOverlay caption = null;
      int line = -1;
      for (int f = 0; f < segment.frames(); f++) {
        if (line + 1 < segment.captions().size() && f >= segment.captions().get(line + 1).frame()) {
          caption = CaptionOverlay.of(segment.captions().get(++line).text(), w, h);
        }
        camera.render(still, segment.start(), segment.end(), segment.frames() == 1 ? 0 : f / (segment.frames() - 1.0), frame);
        if (caption != null) {
          caption.drawOn(frame);
        }
        int intoFade = f - (segment.frames() - fadeFrames);
        if (intoFade >= 0) {
          mix(frame, incoming, (intoFade + 1.0) / (fadeFrames + 1.0));
        }
        out.clear();
        out.put(frame.data()).flip();
        recorder.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, avutil.AV_PIX_FMT_YUV420P, out);
        recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(sound, Math.toIntExact((frames + f) * samplesPerFrame),
            samplesPerFrame));
      }
      frames += segment.frames();
    }
    return frames;
  }

  /** Blends {@code other} over {@code frame} by {@code amount} (0 keeps the frame, 1 shows the other). */
  static void mix(Yuv420 frame, Yuv420 other, double amount) {
    int a = (int) Math.round(amount * 256);
    byte[] d = frame.data();
    byte[] o = other.data();
    for (int i = 0; i < d.length; i++) {
      int base = d[i] & 0xff;
      d[i] = (byte) (base + ((((o[i] & 0xff) - base) * a) >> 8));
    }
  }

  private static FFmpegFrameRecorder recorder(Path file, RunConfig config) {
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), config.getWidth(), config.getHeight(), 1);
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
    recorder.setOption("movflags", "+faststart");
    audioSettings(recorder);
    return recorder;
  }

  /** The film's sound: AAC, 48 kHz mono at 128 kb/s. */
  static void audioSettings(FFmpegFrameRecorder recorder) {
    recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
    recorder.setSampleRate(SAMPLE_RATE);
    recorder.setAudioChannels(1);
    recorder.setAudioBitrate(128_000);
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
    double step = speech.sampleRate() / (double) SAMPLE_RATE;
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
