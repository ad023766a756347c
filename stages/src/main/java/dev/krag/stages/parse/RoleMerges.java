package dev.krag.stages.parse;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Merges the entities that the words alone say are one individual, wherever they stand in the
 * story: a title and its noun ("Mr Fox", the fox), roles of one family ("the wife", "the woman",
 * "the stepmother"), "the child" and the only young one, "his sister" and the only named girl, a
 * short name and its long form ("Red-Cap", "Little Red-Cap").
 */
final class RoleMerges {

  private RoleMerges() {}

  static void apply(Cast cast) {
    titles(cast);
    families(cast);
    theChild(cast);
    siblings(cast);
    shortNames(cast);
  }

  /** "Mr Fox" is the fox. */
  private static void titles(Cast cast) {
    for (Entity e : cast.all()) {
      if (e.name.startsWith("Mr ") || e.name.startsWith("Mrs ")) {
        String noun = e.name.substring(e.name.indexOf(' ') + 1).toLowerCase(Locale.ROOT);
        if (cast.get("the " + noun).isPresent()) {
          cast.merge("the " + noun, e.name);
        }
      }
    }
  }

  /** Roles of one family name one person in a tale; the most mentioned role keeps the name. */
  private static void families(Cast cast) {
    for (Set<String> family : Lexicon.ROLE_FAMILIES) {
      List<Entity> members = cast.all().stream().filter(e -> e.nounIn(family))
          .sorted(Comparator.comparingInt((Entity e) -> e.count).reversed()).toList();
      for (Entity member : members.subList(Math.min(1, members.size()), members.size())) {
        cast.merge(members.getFirst().name, member.name);
      }
    }
  }

  /** "The child" is the story's only girl, boy or baby; with two of them it could be either. */
  private static void theChild(Cast cast) {
    for (Entity child : cast.all().stream().filter(e -> "child".equals(e.noun)).toList()) {
      List<Entity> young = cast.all().stream().filter(e -> e != child && e.nounIn(Lexicon.YOUNG)).toList();
      if (young.size() == 1) {
        cast.merge(young.getFirst().name, child.name);
      }
    }
  }

  /** "His little sister" is the story's only named girl, "your brother" its only named boy. */
  private static void siblings(Cast cast) {
    for (Entity sibling : cast.all().stream().filter(e -> e.nounIn(Lexicon.SIBLINGS)).toList()) {
      Entity.Gender gender = sibling.gender();
      List<Entity> named = cast.all().stream()
          .filter(e -> e.isNamed() && e.gender() == gender).toList();
      if (named.size() == 1) {
        cast.merge(named.getFirst().name, sibling.name);
      }
    }
  }

  /** "Red-Cap" is "Little Red-Cap". */
  private static void shortNames(Cast cast) {
    for (Entity shorter : cast.all()) {
      if (shorter.isNamed()) {
        cast.all().stream()
            .filter(longer -> longer != shorter && longer.name.endsWith(" " + shorter.name))
            .findFirst()
            .ifPresent(longer -> cast.merge(longer.name, shorter.name));
      }
    }
  }
}
