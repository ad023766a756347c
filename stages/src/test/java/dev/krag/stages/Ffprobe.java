package dev.krag.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe and ffmpeg: an outside tool's view of the files krag makes. */
public final class Ffprobe {

  private Ffprobe() {}

  /** The streams and format of a media file, as ffprobe's JSON. */
  public static JsonNode probe(Path media) throws IOException, InterruptedException {
    return new ObjectMapper().readTree(run("ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", media.toString()));
  }

  /** The text of the file's first subtitle stream, as ffmpeg reads it back (SubRip). */
  public static String subtitleText(Path media) throws IOException, InterruptedException {
    return new String(run("ffmpeg", "-v", "error", "-i", media.toString(), "-map", "0:s:0", "-f", "srt", "-"), StandardCharsets.UTF_8);
  }

  /** The log lines of an ffmpeg filter run over the file's picture (e.g. {@code blackdetect=d=2}). */
  public static String videoFilterLog(Path media, String filter) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostats", "-i", media.toString(), "-vf", filter, "-an",
        "-f", "null", "-")).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg " + filter + " failed: " + log);
    }
    return log;
  }

  private static byte[] run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).start();
    } catch (IOException e) {
      throw new IOException(command[0] + " is needed by this test (Debian package ffmpeg; .ci/run installs it)", e);
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return out;
  }

  public static String codecOf(JsonNode probe, String type) {
    for (JsonNode stream : probe.get("streams")) {
      if (type.equals(stream.get("codec_type").asText())) {
        return stream.get("codec_name").asText();
      }
    }
    return null;
  }

  public static double duration(JsonNode probe) {
    return probe.get("format").get("duration").asDouble();
  }
}
