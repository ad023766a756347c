package dev.krag.deploy.embedded;

import dev.krag.schemas.Topic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics that do not exist yet; existing ones are left as they are. */
public final class TopicProvisioner {

  private TopicProvisioner() {}

  public static void ensure(String bootstrapServers, List<Topic<?, ?>> topics, short replicationFactor)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.config()))
          .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
        try {
          created.get();
        } catch (ExecutionException e) {
          // Another instance starting beside this one made it between the listing and now.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
