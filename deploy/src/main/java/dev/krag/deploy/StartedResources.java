package dev.krag.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was started, closed in reverse order; one that fails to close does not keep the rest open.
 * Start-up steps that need nothing of each other may run side by side ({@link #inBackground}); a
 * resource is added when its start has finished, after everything it waited for, so the reverse
 * order still closes each before what it depends on.
 */
public final class StartedResources implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StartedResources.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<Future<?>> steps = new ArrayList<>();

  public <T extends AutoCloseable> T add(T resource) {
    synchronized (started) {
      started.push(resource);
    }
    return resource;
  }

  /**
   * Runs a start-up step on a thread of its own. {@link #close} waits for it before closing
   * anything, so a failure elsewhere does not leave what it was starting running.
   */
  public <T> Future<T> inBackground(String name, Callable<T> step) {
    FutureTask<T> task = new FutureTask<>(step);
    synchronized (steps) {
      steps.add(task);
    }
    Thread.ofPlatform().daemon().name("krag-start-" + name).start(task);
    return task;
  }

  /** The step's result, or the exception it failed with, as if it had run on this thread. */
  public static <T> T await(Future<T> step) throws Exception {
    try {
      return step.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (Exception) e.getCause();
    }
  }

  @Override
  public void close() {
    List<Future<?>> running;
    synchronized (steps) {
      running = List.copyOf(steps);
    }
    for (Future<?> step : running) {
      try {
        step.get();
      } catch (ExecutionException failed) {
        // the failure is its caller's to report; what the step added is closed below all the same
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    synchronized (started) {
      while (!started.isEmpty()) {
        try {
          started.pop().close();
        } catch (Exception e) {
          // closing the rest matters more than this one's error
          log.warn("error while stopping", e);
        }
      }
    }
  }
}
