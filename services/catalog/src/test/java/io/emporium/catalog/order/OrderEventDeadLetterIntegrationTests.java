package io.emporium.catalog.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.catalog.CatalogIntegrationTest;
import io.emporium.events.topology.Subscription;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A message the catalog cannot read is retried, never acknowledged, and dead-lettered. */
class OrderEventDeadLetterIntegrationTests extends CatalogIntegrationTest {

  /** maxReceiveCount (5) receives with 1, 2, 4, 8 s of backoff between them, plus slack. */
  private static final Duration TO_DLQ = Duration.ofSeconds(90);

  @Autowired DatabaseClient db;

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final Subscription edge =
      Topology.load().subscription(EmulatedInfrastructure.ENV, "catalog", "order");

  @Test
  void malformedOrderEventEndsInTheDeadLetterQueue() {
    probe.send(edge.queue(), "{\"specversion\":\"1.0\",\"type\":\"order.OrderPlaced.v1\", broken");

    List<Message> dead = probe.await(edge.dlq(), 1, TO_DLQ);

    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).body()).contains("broken");
    Map<String, Object> failure =
        db.sql("SELECT * FROM message_failures WHERE message_id = :id")
            .bind("id", dead.get(0).messageId())
            .fetch()
            .one()
            .block();
    assertThat(failure)
        .containsEntry("queue", edge.queue())
        .containsEntry("receive_count", edge.settings().maxReceiveCount());
  }
}
