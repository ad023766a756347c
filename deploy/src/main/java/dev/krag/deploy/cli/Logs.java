package dev.krag.deploy.cli;

import java.nio.file.Path;

/**
 * Sends the libraries' logging to a file under the output folder, so the terminal shows progress,
 * not broker chatter. Must run before the first logger is created.
 */
final class Logs {

  private Logs() {}

  static void configure(Path outDir) {
    System.setProperty("krag.log.file", outDir.resolve("logs").resolve("krag.log").toAbsolutePath().toString());
  }
}
