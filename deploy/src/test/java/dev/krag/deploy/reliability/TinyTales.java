package dev.krag.deploy.reliability;

import java.util.List;

/**
 * Many short tales, each different: a hero of a kind in a place, a find, a friend. The n-th is the
 * same in every run, and the first 2,000 are all different.
 */
final class TinyTales {

  private static final List<String> NAMES = List.of("Anna", "Bruno", "Clara", "Dieter", "Elsa", "Franz", "Greta", "Hans", "Ilse",
      "Jakob", "Karla", "Lukas", "Marta", "Niko", "Olga", "Paul", "Rosa", "Stefan", "Tilda", "Ulrich");
  private static final List<String> KINDS = List.of("miller", "fisher", "tailor", "shepherd", "weaver", "baker", "hunter",
      "woodcutter", "goose-girl", "smith");
  private static final List<String> PLACES = List.of("forest", "village", "castle", "mill", "river", "mountain", "garden",
      "well", "meadow", "sea");
  private static final List<String> FINDS = List.of("golden key", "silver bell", "green apple", "lost lamb", "old lantern",
      "red ribbon", "stone bird", "copper pot");
  private static final List<String> FRIENDS = List.of("fox", "owl", "cat", "old woman", "king", "raven", "frog");

  private TinyTales() {}

  static String title(int n) {
    return NAMES.get(n % NAMES.size()) + " the " + KINDS.get(n / NAMES.size() % KINDS.size()) + " of the "
        + PLACES.get(n / (NAMES.size() * KINDS.size()) % PLACES.size());
  }

  static String text(int n) {
    String name = NAMES.get(n % NAMES.size());
    String kind = KINDS.get(n / NAMES.size() % KINDS.size());
    String place = PLACES.get(n / (NAMES.size() * KINDS.size()) % PLACES.size());
    String find = FINDS.get(n % FINDS.size());
    String friend = FRIENDS.get(n % FRIENDS.size());
    return String.join(" ",
        "Once upon a time there was a " + kind + " called " + name + ", who lived by the " + place + ".",
        "One morning " + name + " walked to the " + place + " and found a " + find + ".",
        "The " + friend + " saw it and said, \"Keep it well, and it will bring you luck.\"",
        name + " thanked the " + friend + " and carried the " + find + " home, and was happy ever after.");
  }
}
