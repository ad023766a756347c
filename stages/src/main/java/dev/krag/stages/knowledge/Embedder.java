package dev.krag.stages.knowledge;

/** Turns text into a vector; texts that mean alike get vectors that point alike. */
public interface Embedder {

  /** Which model this is: part of every cache key, since vectors of two models do not compare. */
  String name();

  int dimensions();

  /** The vector, or a {@code ProviderException} when a remote model fails. */
  Embedding embed(String text);

  /** A vector, and the tokens paid for it: none for a cached vector or a local model. */
  record Embedding(float[] vector, long tokens) {}
}
