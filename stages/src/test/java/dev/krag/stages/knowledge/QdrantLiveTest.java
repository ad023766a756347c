package dev.krag.stages.knowledge;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract against a real Qdrant, when one is reachable: {@code QDRANT_URL} names its
 * gRPC endpoint (for example {@code http://localhost:6334}), {@code QDRANT_API_KEY} its key if any.
 */
@EnabledIfEnvironmentVariable(named = "QDRANT_URL", matches = ".+")
class QdrantLiveTest extends VectorStoreContract {

  private final QdrantVectorStore store = connect(URI.create(System.getenv("QDRANT_URL")));

  private static QdrantVectorStore connect(URI url) {
    return QdrantVectorStore.connect(url.getHost(), url.getPort(), "https".equals(url.getScheme()),
        System.getenv().getOrDefault("QDRANT_API_KEY", ""), Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected VectorStore store() {
    return store;
  }
}
