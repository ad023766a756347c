package dev.krag.stages.critique;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import dev.krag.stages.edit.DecodedSound;
import dev.krag.stages.music.Loudness;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * What a video file holds, read back from the file itself with FFmpeg's libraries: codecs, the
 * length of each stream, its subtitle lines, every stretch where the picture is black or does not
 * move (the same measures as FFmpeg's {@code blackdetect} and {@code freezedetect} filters), and
 * the sound's loudness and true peak (EBU R128, as FFmpeg's {@code ebur128}).
 */
public final class VideoProbe {

  /** A pixel darker than this share of full scale is black ({@code blackdetect}'s pix_th). */
  static final double BLACK_PIXEL = 0.10;
  /** A picture with at least this share of black pixels is black ({@code blackdetect}'s pic_th). */
  static final double BLACK_PICTURE = 0.98;
  /** Mean absolute frame difference under which the picture counts as still: −60 dB of full scale, as {@code freezedetect}. */
  static final double STILL_DIFFERENCE = 255 * 0.001;

  /** A stretch of the film, in seconds from its start. */
  public record Stretch(double start, double end) {
    public double seconds() {
      return end - start;
    }
  }

  /** The measured facts of one video. */
  public record Facts(String videoCodec, String audioCodec, double durationSeconds, int width, int height, int sampleRate,
      double videoSeconds, double audioSeconds, List<String> subtitleLines, List<Stretch> black, List<Stretch> frozen,
      double loudness, double truePeak) {}

  public Facts probe(Path video) throws IOException {
    Streams streams = streams(video);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
      grabber.start();
      Pictures pictures = pictures(grabber);
      short[] sound = DecodedSound.of(video);
      Facts facts = new Facts(grabber.getVideoCodecName(), grabber.getAudioCodecName(), grabber.getLengthInTime() / 1e6,
          grabber.getImageWidth(), grabber.getImageHeight(), grabber.getSampleRate(), streams.videoSeconds(), streams.audioSeconds(),
          streams.subtitles(), pictures.black(), pictures.frozen(), Loudness.integrated(sound), Loudness.truePeak(sound));
      grabber.stop();
      return facts;
    }
  }

  private record Pictures(List<Stretch> black, List<Stretch> frozen) {}

  /** Decodes every frame as luma and finds the black and the still stretches. */
  private static Pictures pictures(FFmpegFrameGrabber grabber) throws IOException {
    List<Stretch> black = new ArrayList<>();
    List<Stretch> frozen = new ArrayList<>();
    byte[] previous = null;
    double blackSince = -1;
    double stillSince = -1;
    double now = 0;
    Frame frame;
    while ((frame = grabber.grabImage()) != null) {
      now = frame.timestamp / 1e6;
      byte[] luma = luma(frame);
      boolean isBlack = blackShare(luma) >= BLACK_PICTURE;
      boolean isStill = previous != null && meanDifference(luma, previous) < STILL_DIFFERENCE;
      if (isBlack && blackSince < 0) {
        blackSince = now;
      } else if (!isBlack && blackSince >= 0) {
        black.add(new Stretch(blackSince, now));
        blackSince = -1;
      }
      if (isStill && stillSince < 0) {
        stillSince = now;
      } else if (!isStill && stillSince >= 0) {
        frozen.add(new Stretch(stillSince, now));
        stillSince = -1;
      }
      previous = luma;
    }
    if (blackSince >= 0) {
      black.add(new Stretch(blackSince, now));
    }
    if (stillSince >= 0) {
      frozen.add(new Stretch(stillSince, now));
    }
    return new Pictures(black, frozen);
  }

  private static byte[] luma(Frame frame) {
    ByteBuffer plane = (ByteBuffer) frame.image[0];
    byte[] out = new byte[frame.imageWidth * frame.imageHeight];
    for (int row = 0; row < frame.imageHeight; row++) {
      plane.position(row * frame.imageStride);
      plane.get(out, row * frame.imageWidth, frame.imageWidth);
    }
    return out;
  }

  private static double blackShare(byte[] luma) {
    int limit = (int) (BLACK_PIXEL * 255);
    int dark = 0;
    for (byte b : luma) {
      dark += (b & 0xff) <= limit ? 1 : 0;
    }
    return dark / (double) luma.length;
  }

  private static double meanDifference(byte[] a, byte[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return sum / (double) a.length;
  }

  private record Streams(double videoSeconds, double audioSeconds, List<String> subtitles) {}

  /** Each stream's length from the container, and the text of every subtitle sample. */
  private static Streams streams(Path video) throws IOException {
    AVFormatContext context = new AVFormatContext(null);
    if (avformat_open_input(context, video.toString(), null, null) < 0) {
      throw new IOException("FFmpeg cannot open " + video);
    }
    AVPacket packet = av_packet_alloc();
    try {
      avformat_find_stream_info(context, (PointerPointer<?>) null);
      double videoSeconds = 0;
      double audioSeconds = 0;
      for (int i = 0; i < context.nb_streams(); i++) {
        AVStream stream = context.streams(i);
        double seconds = stream.duration() * av_q2d(stream.time_base());
        switch (stream.codecpar().codec_type()) {
          case AVMEDIA_TYPE_VIDEO -> videoSeconds = seconds;
          case AVMEDIA_TYPE_AUDIO -> audioSeconds = seconds;
          default -> { }
        }
      }
      List<String> subtitles = new ArrayList<>();
      while (av_read_frame(context, packet) >= 0) {
        if (context.streams(packet.stream_index()).codecpar().codec_type() == AVMEDIA_TYPE_SUBTITLE && packet.size() > 2) {
          byte[] sample = new byte[packet.size()];
          packet.data().get(sample);
          int length = ((sample[0] & 0xff) << 8) | (sample[1] & 0xff);
          subtitles.add(new String(sample, 2, Math.min(length, sample.length - 2), StandardCharsets.UTF_8));
        }
        av_packet_unref(packet);
      }
      return new Streams(videoSeconds, audioSeconds, subtitles);
    } finally {
      av_packet_free(packet);
      avformat_close_input(context);
    }
  }
}
