package dev.krag.stages.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Vectors with a little payload, searched by cosine similarity. Collections follow the platform
 * spec: {@link #TEXT_KNOWLEDGE} (story passages) and {@link #VIDEO_KNOWLEDGE} (shots).
 */
public interface VectorStore {

  String TEXT_KNOWLEDGE = "text_knowledge";
  String VIDEO_KNOWLEDGE = "video_knowledge";
  /** The payload field every search filters on: vectors of one run are searched together. */
  String RUN_ID = "run_id";

  /** Creates the collection for vectors of this size if it is missing. */
  void ensureCollection(String collection, int dimensions);

  /** Stores or replaces the vector with this id: writing the same id twice leaves one. */
  void upsert(String collection, String id, float[] vector, Map<String, String> payload);

  /** The {@code k} nearest vectors whose payload has every entry of {@code filter}, best first. */
  List<Match> nearest(String collection, float[] vector, int k, Map<String, String> filter);

  /** One search result: its id, its payload and its cosine similarity (higher is nearer). */
  record Match(String id, Map<String, String> payload, double score) {}
}
