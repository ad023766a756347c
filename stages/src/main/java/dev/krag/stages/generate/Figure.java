package dev.krag.stages.generate;

import dev.krag.schemas.StoryCharacter;
import java.awt.Color;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a character is drawn: its body plan, build and accent colour, all derived from its canonical
 * description, so the same character looks the same in every shot.
 */
record Figure(String name, Body body, double scale, boolean dress, Headwear headwear, boolean staff, Color accent) {

  enum Body { HUMAN, QUADRUPED, BIRD, FROG, OBJECT }

  enum Headwear { NONE, HAT, CROWN, POINTED_HAT, HOOD, EARS, HORNS }

  private static final Pattern QUADRUPED = Pattern.compile("\\b(fox|wolf|cat|dog|dogs|hounds?|kids?|goats?|horse|donkey|ass|bear|lion|mouse|hare)\\b");
  private static final Pattern BIRD = Pattern.compile("\\b(bird|birds|raven|ravens|dove|doves|swan|swans|duck|goose|cock|hen)\\b");
  private static final Pattern SMALL = Pattern.compile("\\b(little|small|child|children|boy|girl|kids?|mouse|dwarfs?|mannikin|manikin|elf|elves|grandson|tiny|youngest)\\b");
  private static final Pattern FEMALE = Pattern.compile("\\b(woman|women|wife|mother|stepmother|girl|girls|queen|princess|daughter|sister|maid|maiden|lady|witch|grandmother|granddaughter|mistress|fairy|gretel|red-cap)\\b");

  static Figure of(StoryCharacter character) {
    String looks = (character.getName() + " " + character.getDescription()).toLowerCase(Locale.ROOT);
    Body body = QUADRUPED.matcher(looks).find() ? Body.QUADRUPED
        : BIRD.matcher(looks).find() ? Body.BIRD
        : looks.matches(".*\\b(frog|toad)\\b.*") ? Body.FROG
        : looks.matches(".*\\b(straw|coal|bean)\\b.*") ? Body.OBJECT
        : Body.HUMAN;
    double scale = SMALL.matcher(looks).find() ? 0.68 : looks.matches(".*\\b(giant|bear|horse)\\b.*") ? 1.25 : 1.0;
    Headwear headwear = looks.matches(".*\\b(king|queen|prince|princess|emperor)\\b.*") ? Headwear.CROWN
        : looks.matches(".*\\bwitch\\b.*") ? Headwear.POINTED_HAT
        : looks.matches(".*\\b(red-cap|hood|cap)\\b.*") ? Headwear.HOOD
        : looks.matches(".*\\b(fox|wolf|cat|hare|mouse)\\b.*") ? Headwear.EARS
        : looks.matches(".*\\b(goat|kids?)\\b.*") ? Headwear.HORNS
        : looks.matches(".*\\b(hunter|huntsman|wood-cutter|woodcutter|man|father|husband|miller|farmer|peasant|tailor|shoemaker)\\b.*") ? Headwear.HAT
        : Headwear.NONE;
    boolean staff = looks.matches(".*\\b(old|grandmother|grandfather|beggar|shepherd)\\b.*");
    return new Figure(character.getName(), body, scale, body == Body.HUMAN && FEMALE.matcher(looks).find(), headwear, staff,
        accentOf(character.getId()));
  }

  /** A saturated hue picked by the character's id: stable across shots and runs. */
  private static Color accentOf(String id) {
    float hue = (id.hashCode() & 0xffff) / 65535f;
    return Color.getHSBColor(hue, 0.65f, 0.95f);
  }
}
