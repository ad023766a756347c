package dev.krag.stages.knowledge;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/** all-MiniLM-L6-v2, shipped inside a Maven artifact and run in-process: embeddings with no API key. */
public final class MiniLmEmbedder implements Embedder {

  private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

  @Override
  public String name() {
    return "all-minilm-l6-v2";
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public Embedding embed(String text) {
    return new Embedding(model.embed(text).content().vector(), 0);
  }
}
