package dev.krag.stages.parse;

/** Turns a story into its scene graph. */
public interface StoryParser {

  /** Which parser this is, for cost records and logs. */
  String name();

  SceneGraph parse(String title, String text);
}
