package dev.krag.stages.generate;

import dev.krag.schemas.StoryCharacter;
import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a character is drawn: a species silhouette, a beast or a person with the traits a reader
 * would see (crown, witch's hat, hood, beard, dress, staff, gun, axe, basket, a child's size), and
 * one accent colour. Everything comes from the character's names and canonical description and its
 * place in the cast, so the same character looks the same in every shot.
 *
 * @param icon the game-icons silhouette of an animal, when {@code body} is {@link Body#ICON}
 * @param scale height against a grown person's
 */
record Figure(String name, Body body, String icon, double scale, Headwear headwear, Prop prop, Set<Trait> traits,
    Color accent) {

  enum Body { PERSON, ICON, HORSE, DONKEY, GOAT, THING }

  enum Headwear { NONE, CROWN, POINTED_HAT, HOOD, BRIMMED_HAT, CAP, BONNET }

  enum Prop { NONE, STAFF, GUN, AXE, BASKET }

  enum Trait { DRESS, BEARD, LONG_HAIR, CHILD, STOUT, STOOPED, CLOAK }

  /** Far apart on the colour wheel and bright enough to read against a dark silhouette. */
  private static final List<Color> ACCENTS = List.of(new Color(0xe8553f), new Color(0xf2c14e), new Color(0x3fb8af),
      new Color(0xa77de8), new Color(0x7cc45a), new Color(0xf08c3a), new Color(0x5aa9f0), new Color(0xee6fa8));

  private record Species(Pattern words, Body body, String icon, double scale) {
    Species(String alternatives, Body body, String icon, double scale) {
      this(Figure.words(alternatives), body, icon, scale);
    }
  }

  /** First match wins, so the specific names come before the general ones ("frog" before "prince"). */
  private static final List<Species> SPECIES = List.of(
      new Species("fox|foxes|vixen", Body.ICON, "fox", 0.5),
      new Species("cat|cats|kitten|kittens|puss", Body.ICON, "feline", 0.42),
      new Species("wolf|wolves", Body.ICON, "werewolf", 0.95),
      new Species("dog|dogs|hound|hounds|puppy", Body.ICON, "sitting-dog", 0.55),
      new Species("mouse|mice", Body.ICON, "mouse", 0.3),
      new Species("rat|rats", Body.ICON, "rat", 0.3),
      new Species("hare|hares|rabbit|rabbits", Body.ICON, "rabbit", 0.35),
      new Species("bear|bears", Body.ICON, "polar-bear", 0.9),
      new Species("cow|cows|ox|oxen|bull|calf", Body.ICON, "cow", 0.7),
      new Species("pig|pigs|swine|hog|boar|sow", Body.ICON, "pig", 0.48),
      new Species("sheep|lamb|lambs|ram|ewe", Body.ICON, "sheep", 0.5),
      new Species("deer|stag|hind|fawn|roe", Body.ICON, "deer", 0.85),
      new Species("squirrel|squirrels", Body.ICON, "squirrel", 0.32),
      new Species("owl|owls", Body.ICON, "owl", 0.36),
      new Species("raven|ravens|crow|crows|rook|rooks|magpie", Body.ICON, "raven", 0.4),
      new Species("dove|doves|pigeon|pigeons", Body.ICON, "dove", 0.36),
      new Species("swan|swans", Body.ICON, "swan", 0.5),
      new Species("duck|ducks|duckling", Body.ICON, "duck", 0.36),
      new Species("goose|geese|gander", Body.ICON, "goose", 0.48),
      new Species("cock|rooster|hen|hens|chicken|chickens", Body.ICON, "rooster", 0.4),
      new Species("heron|stork|crane", Body.ICON, "heron", 0.6),
      new Species("bird|birds|sparrow|finch|lark|nightingale|robin|thrush", Body.ICON, "sparrow", 0.3),
      new Species("frog|frogs|toad|toads", Body.ICON, "frog", 0.3),
      new Species("snail|snails", Body.ICON, "snail", 0.25),
      new Species("bat|bats", Body.ICON, "bat", 0.3),
      new Species("tortoise|turtle", Body.ICON, "tortoise", 0.3),
      new Species("elephant", Body.ICON, "elephant", 1.2),
      new Species("camel", Body.ICON, "camel", 1.1),
      new Species("horse|horses|steed|mare|stallion|pony|foal", Body.HORSE, "", 0.95),
      new Species("donkey|ass|mule", Body.DONKEY, "", 0.75),
      new Species("goat|goats|kid|kids|billy-goat", Body.GOAT, "", 0.5),
      new Species("straw|coal|bean|pea|needle|pin|sausage|kettle|pot|lamp|lantern", Body.THING, "", 0.4));

  private static final Pattern FEMALE = words("woman|women|wife|mother|stepmother|girl|girls|queen|princess|daughter|"
      + "daughters|sister|sisters|maid|maiden|lady|witch|grandmother|granddaughter|mistress|fairy|bride|she|her|"
      + "nurse|enchantress|hag|crone|widow|aunt|niece|empress|cook-maid");
  private static final Pattern CHILD = words("child|children|boy|boys|girl|girls|little|youngest|lad|grandson|"
      + "granddaughter|baby|infant");
  private static final Pattern YOUNG = words("little|young|small|baby|cub|cubs|kitten|kittens|kids|lamb|foal|fawn");
  private static final Pattern SMALL_FOLK = words("dwarf|dwarfs|dwarves|elf|elves|mannikin|manikin|gnome|little man");
  private static final Pattern GIANT = words("giant|giants|ogre|troll");
  private static final Pattern ROYAL = words("king|queen|prince|princess|emperor|empress|royal");
  private static final Pattern MAGIC = words("witch|wizard|sorcerer|sorceress|enchantress|magician|hag");
  private static final Pattern HOODED = words("hood|red-cap|riding-hood|cloak|monk|hermit|pilgrim");
  private static final Pattern OLD = words("old|aged|grandmother|grandfather|granny|grey|gray|beggar|hermit");
  private static final Pattern HATTED = words("hunter|huntsman|wood-cutter|woodcutter|woodman|farmer|peasant|miller|"
      + "traveller|traveler|shepherd|soldier|tailor|fiddler|musician|merchant|father|husband|man|men|brother");
  private static final Pattern CAPPED = words("boy|boys|lad|youth|apprentice|servant|shoemaker|cobbler|son|sons|"
      + "grandson|page");
  private static final Pattern BONNETED = words("grandmother|granny|mother|stepmother|wife|nurse|cook|widow|"
      + "old woman|peasant woman|aunt");
  private static final Pattern BEARDED = words("old man|grandfather|king|dwarf|dwarfs|giant|wizard|hermit|beggar|"
      + "mannikin|manikin|emperor|bearded|beard");
  private static final Pattern LONG_HAIRED = words("maiden|princess|girl|daughter|sister|bride|golden hair|long hair");
  private static final Pattern STOUT = words("fat|stout|plump|giant|miller|innkeeper|landlord|cook");
  private static final Pattern GUNNER = words("hunter|huntsman|soldier|gun|rifle|musket");
  private static final Pattern AXEMAN = words("wood-cutter|woodcutter|woodman|axe|hatchet");
  private static final Pattern BASKET = words("basket|red-cap|riding-hood");
  private static final Pattern STAFF = words("old|grandmother|grandfather|beggar|shepherd|pilgrim|wizard|hermit|"
      + "witch|staff|stick|crutch");

  static Figure of(StoryCharacter character) {
    String name = character.getName().toLowerCase(Locale.ROOT);
    String looks = (name + " " + String.join(" ", character.getAliases()) + " " + character.getDescription())
        .toLowerCase(Locale.ROOT);
    Color accent = ACCENTS.get(Math.floorMod(character.getCastIndex(), ACCENTS.size()));
    Optional<Species> species = speciesOf(name).or(() -> speciesOf(looks));
    if (species.isPresent()) {
      Species s = species.get();
      // A frog that is a king's son keeps his crown.
      String icon = s.icon().equals("frog") && ROYAL.matcher(looks).find() ? "frog-prince" : s.icon();
      double scale = s.scale() * (YOUNG.matcher(looks).find() ? 0.7 : 1.0);
      return new Figure(character.getName(), s.body(), icon, scale, Headwear.NONE, Prop.NONE, Set.of(), accent);
    }
    return person(character.getName(), looks, accent);
  }

  private static Figure person(String name, String looks, Color accent) {
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    boolean female = FEMALE.matcher(looks).find();
    boolean smallFolk = SMALL_FOLK.matcher(looks).find();
    boolean child = !smallFolk && CHILD.matcher(looks).find();
    boolean old = OLD.matcher(looks).find();
    if (female) {
      traits.add(Trait.DRESS);
    }
    if (child) {
      traits.add(Trait.CHILD);
    }
    if (female && !old && LONG_HAIRED.matcher(looks).find()) {
      traits.add(Trait.LONG_HAIR);
    }
    if (!female && BEARDED.matcher(looks).find()) {
      traits.add(Trait.BEARD);
    }
    if (STOUT.matcher(looks).find()) {
      traits.add(Trait.STOUT);
    }
    if (old || MAGIC.matcher(looks).find()) {
      traits.add(Trait.STOOPED);
    }
    if (MAGIC.matcher(looks).find() || HOODED.matcher(looks).find()) {
      traits.add(Trait.CLOAK);
    }
    Headwear headwear = ROYAL.matcher(looks).find() ? Headwear.CROWN
        : MAGIC.matcher(looks).find() || smallFolk ? Headwear.POINTED_HAT
        : HOODED.matcher(looks).find() ? Headwear.HOOD
        : female && BONNETED.matcher(looks).find() ? Headwear.BONNET
        : !female && CAPPED.matcher(looks).find() ? Headwear.CAP
        : !female && HATTED.matcher(looks).find() ? Headwear.BRIMMED_HAT
        : Headwear.NONE;
    Prop prop = GUNNER.matcher(looks).find() ? Prop.GUN
        : AXEMAN.matcher(looks).find() ? Prop.AXE
        : BASKET.matcher(looks).find() ? Prop.BASKET
        : STAFF.matcher(looks).find() && !child ? Prop.STAFF
        : Prop.NONE;
    double scale = GIANT.matcher(looks).find() ? 1.45 : smallFolk ? 0.55 : child ? 0.66 : 1.0;
    return new Figure(name, Body.PERSON, "", scale, headwear, prop, Set.copyOf(traits), accent);
  }

  private static Optional<Species> speciesOf(String text) {
    return SPECIES.stream().filter(s -> s.words().matcher(text).find()).findFirst();
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("\\b(" + alternatives + ")\\b");
  }
}
