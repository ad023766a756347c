package dev.krag.deploy.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A story read from a file, with every way a file can fail to be a story named plainly. */
public record StoryFile(String title, String text) {

  public static StoryFile read(Path file, int maxBytes) throws UsageException {
    if (!Files.exists(file)) {
      throw new UsageException("no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("not a regular file: " + file);
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new UsageException("story too large: " + file + " has " + size + " bytes, the limit is " + maxBytes
            + " (KRAG_MAX_STORY_BYTES)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), bytes);
  }

  static StoryFile parse(String name, byte[] bytes) throws UsageException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (MalformedInputException e) {
      throw new UsageException("not UTF-8 text: " + name);
    } catch (CharacterCodingException e) {
      throw new UsageException("not UTF-8 text: " + name + " (" + e.getMessage() + ")");
    }
    if (text.indexOf('\0') >= 0) {
      throw new UsageException("not a text file (it holds NUL bytes): " + name);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new UsageException("empty story: " + name + " holds no words");
    }
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    String firstLine = newline < 0 ? stripped : stripped.substring(0, newline).strip();
    String rest = newline < 0 ? "" : stripped.substring(newline + 1);
    boolean titled = !rest.isBlank() && firstLine.length() <= 120 && !firstLine.matches(".*[.!?]$");
    return titled ? new StoryFile(firstLine, rest) : new StoryFile(untitled(stripped), stripped);
  }

  private static String untitled(String text) {
    String[] words = text.split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 6))) + (words.length > 6 ? "…" : "");
  }
}
