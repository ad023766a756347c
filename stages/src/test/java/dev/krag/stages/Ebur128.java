package dev.krag.stages;

import dev.krag.stages.generate.Speech;
import dev.krag.stages.generate.Wav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian ffmpeg's EBU R128 meter (the {@code ebur128} filter): an outside measure of krag's sound. */
public final class Ebur128 {

  /** Integrated loudness in LUFS and true peak in dBTP, as the filter's summary reports them. */
  public record Reading(double integrated, double truePeak) {}

  private static final Pattern INTEGRATED = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[\\d.]+|-inf) LUFS");
  private static final Pattern PEAK = Pattern.compile("True peak:\\s+Peak:\\s+(-?[\\d.]+|-inf) dBFS");

  private Ebur128() {}

  /** Measures the first audio stream of a media file. */
  public static Reading measure(Path media) throws IOException, InterruptedException {
    List<String> command = List.of("ffmpeg", "-nostats", "-hide_banner", "-i", media.toString(), "-map", "0:a:0",
        "-filter_complex", "ebur128=peak=true", "-f", "null", "-");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IOException("ffmpeg is needed by this test (Debian package ffmpeg; .ci/run installs it)", e);
    }
    String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + log);
    }
    String summary = log.substring(Math.max(0, log.lastIndexOf("Summary:")));
    return new Reading(number(INTEGRATED.matcher(summary), summary), number(PEAK.matcher(summary), summary));
  }

  /** Measures mono 48 kHz samples, written to a WAV file first. */
  public static Reading measure(short[] samples) throws IOException, InterruptedException {
    Path wav = Files.createTempFile("krag-ebur128-", ".wav");
    try {
      Files.write(wav, Wav.encode(new Speech(samples, 48_000)));
      return measure(wav);
    } finally {
      Files.deleteIfExists(wav);
    }
  }

  private static double number(Matcher m, String summary) throws IOException {
    if (!m.find()) {
      throw new IOException("no reading in ffmpeg's ebur128 summary: " + summary);
    }
    return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
  }
}
