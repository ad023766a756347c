package dev.krag.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code krag serve} printed, read as a person reads it: a line per part, its label first. */
final class Printed {

  private Printed() {}

  /** Everything printed once the line of {@code label} is, failing if serve ended or took longer than {@code within}. */
  static String await(ByteArrayOutputStream printed, String label, Future<Integer> served, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!printed.toString(StandardCharsets.UTF_8).contains("  " + label + " ")) {
      assertThat(served.isDone()).as(() -> "serve ended early: " + printed).isFalse();
      assertThat(System.nanoTime()).as(() -> "serve up within " + within + ": " + printed).isLessThan(deadline);
      Thread.sleep(200);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The first group of {@code pattern} on the line that starts with {@code label}. */
  static String value(String lines, String label, String pattern) {
    String line = lines.lines().filter(l -> l.strip().startsWith(label + " ")).findFirst().orElseThrow();
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as(line + " has " + pattern).isTrue();
    return m.group(1);
  }
}
