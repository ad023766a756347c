package dev.krag.stages.generate;

import dev.krag.schemas.ShotTask;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and when a shot happens, as far as the backdrop needs to know: the kind of place from the
 * location's name (its description when the name says nothing), the time of day and the weather
 * from what the shot narrates.
 */
record Setting(Kind kind, TimeOfDay time, Weather weather) {

  enum Kind { ROOM, CASTLE, CHURCH, MILL, WELL, SEA, RIVER, MOUNTAIN, GARDEN, FOREST, VILLAGE, COTTAGE, ROAD, MEADOW }

  enum TimeOfDay { DAY, DUSK, NIGHT }

  enum Weather { CLEAR, RAIN, SNOW, STORM, FOG }

  private record Words(Pattern pattern, Kind kind) {
    Words(String words, Kind kind) {
      this(Pattern.compile("\\b(" + words + ")\\b"), kind);
    }
  }

  /** First match wins: an inside before the building it is in, a building before its grounds. */
  private static final List<Words> KINDS = List.of(
      new Words("room|rooms|kitchen|chamber|hall|cellar|bedroom|parlour|parlor|attic|loft|stable|shop|workshop|cage|"
          + "oven|hearth|bed|table|cupboard|clock-case|prison|dungeon|inside|indoors|spinning-wheel|straw-room", Kind.ROOM),
      new Words("castle|palace|tower|kingdom|court|throne|royal|king's", Kind.CASTLE),
      new Words("church|chapel|churchyard|cathedral|abbey|monastery|convent|graveyard", Kind.CHURCH),
      new Words("mill|windmill|miller's", Kind.MILL),
      new Words("well|spring|fountain", Kind.WELL),
      new Words("sea|ocean|shore|beach|coast|harbour|harbor|ship|boat|island", Kind.SEA),
      new Words("lake|river|pond|brook|stream|water|waters|bridge|ford|marsh|bank", Kind.RIVER),
      new Words("mountain|mountains|glass-mountain|hill|hills|valley|cave|rock|rocks|cliff|peak|crag", Kind.MOUNTAIN),
      new Words("garden|gardens|orchard|courtyard|yard|hedge|roses|vineyard", Kind.GARDEN),
      new Words("forest|wood|woods|tree|trees|wilderness|thicket|grove|clearing|bushes", Kind.FOREST),
      new Words("village|town|city|market|street|streets|square|inn|tavern", Kind.VILLAGE),
      new Words("house|cottage|hut|home|door|window|hovel|cabin|farm|farmhouse|dwelling", Kind.COTTAGE),
      new Words("road|path|way|highway|lane|track|journey|crossroads", Kind.ROAD));

  private static final Pattern NIGHT = words("night|nights|moon|moonlight|midnight|dark|darkness|stars?|asleep|sleep|slept|bed");
  private static final Pattern DUSK = words("evening|sunset|dusk|twilight|fire");
  private static final Pattern RAIN = words("rain|rains|raining|rained|shower|downpour|wet");
  private static final Pattern SNOW = words("snow|snowing|snowed|snowflakes|frost|frozen|winter|ice");
  private static final Pattern STORM = words("storm|stormy|thunder|lightning|tempest|gale");
  private static final Pattern FOG = words("fog|foggy|mist|misty");

  static Setting of(ShotTask task) {
    String name = task.getLocation().getName().toLowerCase(Locale.ROOT);
    String description = task.getLocation().getDescription().toLowerCase(Locale.ROOT);
    String moment = task.getShot().getNarration().toLowerCase(Locale.ROOT);
    Kind kind = kindOf(name).or(() -> kindOf(description)).orElse(Kind.MEADOW);
    TimeOfDay time = NIGHT.matcher(moment).find() ? TimeOfDay.NIGHT
        : DUSK.matcher(moment).find() ? TimeOfDay.DUSK : TimeOfDay.DAY;
    Weather weather = kind == Kind.ROOM ? Weather.CLEAR
        : STORM.matcher(moment).find() ? Weather.STORM
        : SNOW.matcher(moment).find() ? Weather.SNOW
        : RAIN.matcher(moment).find() ? Weather.RAIN
        : FOG.matcher(moment).find() ? Weather.FOG
        : Weather.CLEAR;
    return new Setting(kind, time, weather);
  }

  private static Optional<Kind> kindOf(String place) {
    return KINDS.stream().filter(w -> w.pattern().matcher(place).find()).map(Words::kind).findFirst();
  }

  /** The words, unless a simile borrows them ("ran like lightning"); "as night fell" still tells the time. */
  private static Pattern words(String alternatives) {
    return Pattern.compile("(?<!like )\\b(" + alternatives + ")\\b");
  }
}
