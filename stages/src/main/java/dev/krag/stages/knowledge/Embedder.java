package dev.krag.stages.knowledge;

/** Turns text into a vector; texts that mean alike get vectors that point alike. */
public interface Embedder {

  /** Which model this is: part of every cache key, since vectors of two models do not compare. */
  String name();

  int dimensions();

  float[] embed(String text);
}
