package dev.krag.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What was started, closed in reverse order; one that fails to close does not keep the rest open. */
public final class StartedResources implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StartedResources.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  public <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
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
