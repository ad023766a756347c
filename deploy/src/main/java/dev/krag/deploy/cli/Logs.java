package dev.krag.deploy.cli;

import dev.krag.deploy.KragConfig;
import java.nio.file.Path;

/**
 * Sends the libraries' logging to a file under the output folder, so the terminal shows progress,
 * not broker chatter; or, in a container, as JSON lines to stdout. Must run before the first
 * logger is created.
 */
final class Logs {

  private Logs() {}

  /** The system properties {@code log4j2.xml} chooses its appender by. */
  static final String FILE = "krag.log.file";
  static final String FORMAT = "krag.log.format";

  static void configure(Path outDir, KragConfig.LogFormat format) {
    System.setProperty(FILE, outDir.resolve("logs").resolve("krag.log").toAbsolutePath().toString());
    System.setProperty(FORMAT, format.toString());
  }
}
