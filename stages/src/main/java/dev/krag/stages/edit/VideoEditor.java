package dev.krag.stages.edit;

import dev.krag.schemas.RunConfig;
import dev.krag.schemas.ShotAssets;
import dev.krag.stages.generate.Speech;
import dev.krag.stages.generate.Wav;
import dev.krag.stages.store.AssetStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Cuts the shots into one MP4 with FFmpeg's libraries in-process: H.264 (yuv420p, fast start) and
 * AAC at 48 kHz. Each shot holds its frame for its screen time while its narration plays, padded
 * with silence, so audio and video end together.
 */
public final class VideoEditor {

  public static final int SAMPLE_RATE = 48_000;

  static {
    FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
  }

  private final AssetStore store;

  public VideoEditor(AssetStore store) {
    this.store = store;
  }

  /** What the editor made: where, and how long it should play. */
  public record Edited(String videoKey, double plannedSeconds, double encodeSeconds) {}

  public Edited edit(List<ShotAssets> shots, RunConfig config, String videoKey) throws IOException {
    if (shots.isEmpty()) {
      throw new IllegalArgumentException("nothing to edit: no shots");
    }
    long started = System.nanoTime();
    Path temp = Files.createTempFile("krag-edit-", ".mp4");
    int fps = config.getFps();
    int samplesPerFrame = SAMPLE_RATE / fps;
    long frames = 0;
    try (FFmpegFrameRecorder recorder = recorder(temp, config);
         Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.start();
      for (ShotAssets shot : shots) {
        int shotFrames = (int) Math.round(shot.getDurationSeconds() * fps);
        BufferedImage image = readImage(shot.getImagePath());
        short[] audio = fitted(readSpeech(shot.getAudioPath()), (long) shotFrames * samplesPerFrame);
        for (int f = 0; f < shotFrames; f++) {
          Frame frame = converter.convert(image);
          recorder.record(frame);
          recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(audio, f * samplesPerFrame, samplesPerFrame));
        }
        frames += shotFrames;
      }
      recorder.stop();
      store.put(videoKey, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new Edited(videoKey, frames / (double) fps, (System.nanoTime() - started) / 1e9);
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
    recorder.setVideoOption("tune", "stillimage");
    recorder.setOption("movflags", "+faststart");
    recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
    recorder.setSampleRate(SAMPLE_RATE);
    recorder.setAudioChannels(1);
    recorder.setAudioBitrate(128_000);
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
