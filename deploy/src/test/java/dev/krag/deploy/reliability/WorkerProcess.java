package dev.krag.deploy.reliability;

import dev.krag.deploy.Main;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code krag serve} in a JVM of its own, as a worker pod runs it: started, killed with SIGKILL
 * (no shutdown hook, no flush, no commit) and started again on the same state folder and instance
 * name, as a StatefulSet restarts a pod.
 */
final class WorkerProcess implements AutoCloseable {

  private static final Duration UP = Duration.ofMinutes(4);
  private static final String READY = "krag serve: up in";
  /** The system properties that tell krag where its build put the registry, the plugins and the connectors. */
  private static final List<String> PASSED_ON = List.of("krag.registry.home", "krag.connect.plugins", "krag.connectors");

  private final String name;
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private long logMark;

  WorkerProcess(String name, Map<String, String> env, Path log) {
    this.name = name;
    this.env = Map.copyOf(env);
    this.log = log;
  }

  String name() {
    return name;
  }

  /** Starts the worker and waits until it serves. */
  void start() throws IOException, InterruptedException {
    spawn();
    awaitReady();
  }

  /** Starts the worker's JVM; {@link #awaitReady} waits for it to serve. */
  void spawn() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The module flags this JVM was started with are the ones krag needs (the build's argLine).
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-") || flag.startsWith("--enable-native-access") || flag.startsWith("--sun-misc"))
        .forEach(command::add);
    command.addAll(List.of("-Xmx1536m", "-Djava.awt.headless=true"));
    PASSED_ON.stream().filter(p -> System.getProperty(p) != null).forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    Files.createDirectories(log.getParent());
    logMark = Files.exists(log) ? Files.size(log) : 0;
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    process = builder.start();
  }

  void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + UP.toNanos();
    while (System.nanoTime() < deadline) {
      if (printedSince(logMark).contains(READY)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended with " + process.exitValue() + " before it served:\n" + tail());
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not serve within " + UP + ":\n" + tail());
  }

  private String printedSince(long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
  }

  /** SIGKILL: the JVM ends where it stands. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The last lines the worker printed, for a failure's message. */
  String tail() throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
