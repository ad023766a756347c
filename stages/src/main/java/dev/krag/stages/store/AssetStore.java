package dev.krag.stages.store;

import dev.krag.schemas.AssetKeys;
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

  /** Copies the object at {@code from} to {@code to}, replacing what was there; on the server where there is one. */
  void copy(String from, String to) throws IOException;

  /** A local file with the object's content, for tools that read files (decoders, encoders). */
  Path localPath(String key) throws IOException;
}
