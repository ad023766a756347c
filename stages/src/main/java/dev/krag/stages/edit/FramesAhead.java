package dev.krag.stages.edit;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Composes frames on a thread of their own, a few ahead of the encoder, through buffers that go
 * round: Java draws the next frame while x264 encodes this one, where one thread doing both left
 * a core idle for half of every frame.
 */
final class FramesAhead implements AutoCloseable {

  private static final int BUFFERS = 4;

  private final BlockingQueue<Yuv420> free = new ArrayBlockingQueue<>(BUFFERS);
  /** Composed frames in order, then an empty one for the end of the film (or a failure). */
  private final BlockingQueue<Optional<Yuv420>> composed = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final Thread thread;
  private volatile RuntimeException failure;

  FramesAhead(FrameComposer composer, int width, int height) {
    for (int i = 0; i < BUFFERS; i++) {
      free.add(Yuv420.blank(width, height));
    }
    thread = Thread.ofPlatform().name("krag-edit-frames").daemon().start(() -> compose(composer));
  }

  private void compose(FrameComposer composer) {
    try {
      for (Yuv420 buffer = free.take(); composer.next(buffer); buffer = free.take()) {
        composed.put(Optional.of(buffer));
      }
    } catch (InterruptedException e) {
      return; // the encoder stopped early and closed us
    } catch (RuntimeException e) {
      failure = e;
    }
    composed.add(Optional.empty()); // there is room: every buffer but the one just taken may be queued
  }

  /** The next composed frame, or null after the last; give it back with {@link #release} once encoded. */
  Yuv420 take() throws InterruptedException {
    Optional<Yuv420> frame = composed.take();
    if (frame.isEmpty() && failure != null) {
      throw new IllegalStateException("a frame could not be composed", failure);
    }
    return frame.orElse(null);
  }

  void release(Yuv420 frame) {
    free.add(frame);
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }
}
