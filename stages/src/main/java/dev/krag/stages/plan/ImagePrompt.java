package dev.krag.stages.plan;

import dev.krag.schemas.Camera;
import dev.krag.schemas.Location;
import dev.krag.schemas.StoryCharacter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words an illustrator gets for a shot: framing, place, cast with their canonical looks, moment. */
final class ImagePrompt {

  private ImagePrompt() {}

  /** @param moment what the picture shows, in a few words */
  static String of(Camera camera, Location location, List<StoryCharacter> cast, String moment) {
    String place = location == null ? "a fairy-tale land" : location.getName() + " (" + location.getDescription() + ")";
    String people = cast.isEmpty()
        ? "no characters"
        : cast.stream().map(c -> c.getName() + ": " + c.getDescription()).collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "%s shot of %s. Characters: %s. Moment: %s",
        camera.name().toLowerCase(Locale.ROOT).replace('_', '-'), place, people, moment);
  }
}
