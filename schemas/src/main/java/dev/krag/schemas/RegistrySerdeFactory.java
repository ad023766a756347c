package dev.krag.schemas;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import java.net.URI;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Avro serdes that register and look up schemas in an Apicurio Registry. Each record carries the
 * registry's content id ahead of the Avro bytes, so any consumer can read it with the writer's
 * schema.
 */
public final class RegistrySerdeFactory extends SerdeFactory {

  private final Map<String, Object> config;

  /** @param registryApi the registry's v3 API, e.g. {@code http://127.0.0.1:8080/apis/registry/v3} */
  public RegistrySerdeFactory(URI registryApi) {
    this.config = Map.of(
        SerdeConfig.REGISTRY_URL, registryApi.toString(),
        // Streams' changelog and repartition topics need schemas of their own: registering on
        // first write is what lets a new store or topic work without a deploy step.
        SerdeConfig.AUTO_REGISTER_ARTIFACT, true,
        SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicIdStrategy.class.getName(),
        // Each topic's schema whole, nested records inline: registered and read back in one
        // request. With the nested records as references of their own, resolving the catalogue
        // walked the tree a request per node and took over a thousand requests.
        SerdeConfig.DEREFERENCE_SCHEMA, true,
        AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true,
        SerdeConfig.HTTP_ADAPTER, "JDK");
  }

  @Override
  protected <V extends SpecificRecord> Serde<V> avroSerde(Class<V> type) {
    AvroSerde<V> serde = new AvroSerde<>();
    serde.configure(config, false);
    return serde;
  }
}
