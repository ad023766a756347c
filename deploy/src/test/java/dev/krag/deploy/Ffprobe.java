package dev.krag.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe, an outside tool's view of the files krag makes. */
public final class Ffprobe {

  private Ffprobe() {}

  /** The streams and format of a media file, as ffprobe's JSON. */
  public static JsonNode probe(Path media) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json",
          media.toString())).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new IOException("ffprobe is needed by this test (Debian package ffmpeg; .ci/run installs it)", e);
    }
    byte[] json = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffprobe failed on " + media + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return new ObjectMapper().readTree(json);
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
