package dev.krag.stages.knowledge;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;

/** The store contract through the real qdrant-java-client against {@link FakeQdrant}. */
class QdrantVectorStoreTest extends VectorStoreContract {

  private final FakeQdrant qdrant = new FakeQdrant();
  private final QdrantVectorStore store = qdrant.connect("");

  QdrantVectorStoreTest() throws IOException {}

  @AfterEach
  void stop() {
    store.close();
    qdrant.close();
  }

  @Override
  protected VectorStore store() {
    return store;
  }
}
