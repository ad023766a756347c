package dev.krag.stages.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The entities of one story and where each is mentioned, kept current as entities are merged:
 * a mention filed under a merged name is found under the entity that absorbed it.
 */
final class Cast {

  private final Map<String, Entity> entities = new LinkedHashMap<>();
  private final Map<String, String> mergedInto = new HashMap<>();
  private final List<Mention> mentions = new ArrayList<>();
  private boolean sorted = true;

  Entity entity(String key) {
    return entities.computeIfAbsent(key, Entity::new);
  }

  void mention(Mention mention) {
    mentions.add(mention);
    sorted = false;
  }

  /** The entity a name now belongs to, following merges. */
  Optional<Entity> get(String key) {
    String current = key;
    while (mergedInto.containsKey(current)) {
      current = mergedInto.get(current);
    }
    return Optional.ofNullable(entities.get(current));
  }

  Collection<Entity> all() {
    return List.copyOf(entities.values());
  }

  /**
   * Makes two entities one. A proper name stays the name whichever way round it is called: a
   * reader names Heinrich by his name, not as "the servant".
   */
  void merge(String keep, String merged) {
    Optional<Entity> target = get(keep);
    Optional<Entity> source = get(merged);
    if (target.isEmpty() || source.isEmpty() || target.get() == source.get()) {
      return;
    }
    Entity into = target.get();
    Entity from = source.get();
    if (from.isNamed() && !into.isNamed()) {
      Entity swap = into;
      into = from;
      from = swap;
    }
    into.absorb(from);
    entities.remove(from.name);
    mergedInto.put(from.name, into.name);
  }

  /** The mentions in the order they occur in the text. */
  List<Mention> mentions() {
    if (!sorted) {
      mentions.sort(Comparator.comparingInt(Mention::start));
      sorted = true;
    }
    return mentions;
  }

  /** The last mention before an offset, whatever it refers to. */
  Optional<Mention> mentionBefore(int offset) {
    List<Mention> all = mentions();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).end() <= offset) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /** The entity mentioned last before an offset among those that fit: what a pronoun there refers to. */
  Optional<Entity> nearestBefore(int offset, Predicate<Entity> fits) {
    List<Mention> all = mentions();
    for (int i = all.size() - 1; i >= 0; i--) {
      Mention m = all.get(i);
      if (m.end() <= offset) {
        Optional<Entity> e = get(m.key()).filter(fits);
        if (e.isPresent()) {
          return e;
        }
      }
    }
    return Optional.empty();
  }
}
