package dev.krag.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real Redis for a test: Debian's redis-server (which .ci/run installs) on a free port, keeping nothing on disk. */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Started and answering, its log in {@code dir}. */
  public static RedisServer start(Path dir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!answers(port)) {
      assertThat(process.isAlive()).as("redis-server started (.ci/run installs it)").isTrue();
      assertThat(System.nanoTime()).as("redis-server listening within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
    return new RedisServer(process, port);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops it: what was in it is gone, and clients find nobody there. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return socket.getInputStream().read() == '+';
    } catch (IOException e) {
      return false;
    }
  }
}
