package dev.krag.stages.generate;

import dev.krag.schemas.ShotTask;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where and when a shot happens, as far as the backdrop needs to know. */
record Setting(Kind kind, TimeOfDay time) {

  enum Kind { FOREST, HOUSE, CASTLE, WATER, MOUNTAIN, ROOM, OPEN_LAND }

  enum TimeOfDay { DAY, DUSK, NIGHT }

  private static final Pattern NIGHT = Pattern.compile("\\b(night|moon|midnight|dark|stars?|asleep|sleep|slept|bed)\\b");
  private static final Pattern DUSK = Pattern.compile("\\b(evening|sunset|dusk|twilight|fire)\\b");

  static Setting of(ShotTask task) {
    String place = (task.getLocation().getName() + " " + task.getLocation().getDescription()).toLowerCase(Locale.ROOT);
    String moment = task.getShot().getNarration().toLowerCase(Locale.ROOT);
    return new Setting(kindOf(place), NIGHT.matcher(moment).find() ? TimeOfDay.NIGHT
        : DUSK.matcher(moment).find() ? TimeOfDay.DUSK : TimeOfDay.DAY);
  }

  private static Kind kindOf(String place) {
    if (place.matches(".*\\b(forest|wood|woods|tree|wilderness)\\b.*")) {
      return Kind.FOREST;
    }
    if (place.matches(".*\\b(castle|palace|tower|kingdom|court)\\b.*")) {
      return Kind.CASTLE;
    }
    if (place.matches(".*\\b(sea|lake|river|pond|brook|stream|well|water)\\b.*")) {
      return Kind.WATER;
    }
    if (place.matches(".*\\b(mountain|hill|glass-mountain|valley|cave)\\b.*")) {
      return Kind.MOUNTAIN;
    }
    if (place.matches(".*\\b(room|kitchen|chamber|hall|cellar|bed|oven|hearth|fire|stable|shop|cage|clock-case)\\b.*")) {
      return Kind.ROOM;
    }
    if (place.matches(".*\\b(house|cottage|hut|village|town|mill|inn|church|door|window|yard|garden)\\b.*")) {
      return Kind.HOUSE;
    }
    return Kind.OPEN_LAND;
  }
}
