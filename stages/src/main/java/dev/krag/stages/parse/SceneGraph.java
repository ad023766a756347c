package dev.krag.stages.parse;

import dev.krag.schemas.Location;
import dev.krag.schemas.Relation;
import dev.krag.schemas.Scene;
import dev.krag.schemas.StoryCharacter;
import java.util.List;

/** What the parse stage reads out of a story: its scenes, who is in them and where they happen. */
public record SceneGraph(
    String title,
    List<Scene> scenes,
    List<StoryCharacter> characters,
    List<Location> locations,
    List<Relation> relations) {}
