package dev.krag.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a {@code Range} header asks of a file, as browsers ask to seek in a video:
 * {@code bytes=first-last}, {@code bytes=first-} or the last n bytes, {@code bytes=-n}.
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  long length() {
    return last - first + 1;
  }

  /**
   * The range of a file of {@code size} bytes the header asks for; empty for the whole file (no
   * header, or one this server does not serve in part, such as several ranges).
   *
   * @throws Unsatisfiable when the range lies outside the file
   */
  static Optional<ByteRange> of(Optional<String> header, long size) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.get().strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          throw new Unsatisfiable(size);
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (first >= size || last < first) {
        throw new Unsatisfiable(size);
      }
      return Optional.of(new ByteRange(first, last));
    } catch (NumberFormatException e) {
      throw new Unsatisfiable(size); // digits too many for a long: past any file's end
    }
  }

  /** A range past the end of the file: 416, with the file's size. */
  static final class Unsatisfiable extends RuntimeException {
    private final long size;

    Unsatisfiable(long size) {
      super("range not satisfiable for " + size + " bytes", null, false, false);
      this.size = size;
    }

    long size() {
      return size;
    }
  }
}
