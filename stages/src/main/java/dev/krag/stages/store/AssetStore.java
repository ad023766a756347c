package dev.krag.stages.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where stages keep their media, by key in the platform's bucket layout (see {@link AssetKeys}).
 * Writes are whole-object and idempotent: writing a key twice leaves one object.
 */
public interface AssetStore {

  boolean exists(String key);

  void write(String key, byte[] content) throws IOException;

  /** Stores a file produced on local disk under the key, replacing what was there. */
  void put(String key, Path file) throws IOException;

  /** A local file with the object's content, for tools that read files (decoders, encoders). */
  Path localPath(String key) throws IOException;
}
