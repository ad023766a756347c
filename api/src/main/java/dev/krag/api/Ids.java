package dev.krag.api;

import dev.krag.stages.generate.InputsHash;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/** How krag names stories and runs, wherever they are posted from. */
public final class Ids {

  /** Ids are what krag makes them: letters, digits, dashes. Anything else names nothing. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Ids() {}

  /** The id from a path, or a 400 saying what an id of that {@code kind} looks like. */
  static String checked(String id, String kind) {
    if (!ID.matcher(id).matches()) {
      throw ApiException.badRequest("bad_" + kind + "_id", "a " + kind + " id is 1 to 100 letters, digits or dashes");
    }
    return id;
  }

  /** Derived from the text: the same story posted twice is one story. */
  public static String story(String text) {
    return "story-" + InputsHash.of(text);
  }

  /** Derived from the owner and the text: the same story posted twice by one owner is one story, and two owners never share one. */
  static String story(String owner, String text) {
    return owner.isEmpty() ? story(text) : story(owner + "\n" + text);
  }

  /** When it was asked for, and a random tail: every request is a run of its own. */
  public static String run() {
    return "run-" + LocalDateTime.now().format(RUN_TIME) + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
