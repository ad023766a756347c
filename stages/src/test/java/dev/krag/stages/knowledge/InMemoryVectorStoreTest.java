package dev.krag.stages.knowledge;

/** The test profile's store keeps the same contract, so tests built on it stand for the real ones. */
class InMemoryVectorStoreTest extends VectorStoreContract {

  private final VectorStore store = new InMemoryVectorStore();

  @Override
  protected VectorStore store() {
    return store;
  }
}
