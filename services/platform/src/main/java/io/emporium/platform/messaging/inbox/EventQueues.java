package io.emporium.platform.messaging.inbox;

import io.emporium.events.topology.Topology;
import io.emporium.platform.messaging.MessagingProperties;

/**
 * Queue names for {@code @SqsListener}, from topology.yaml:
 * {@code @SqsListener("#{@eventQueues.from('cart')}")} listens to this service's queue for cart's
 * events.
 */
public final class EventQueues {

  private final Topology topology;
  private final MessagingProperties properties;

  public EventQueues(Topology topology, MessagingProperties properties) {
    this.topology = topology;
    this.properties = properties;
  }

  /** This service's queue for events of {@code producer}. */
  public String from(String producer) {
    return topology.subscription(properties.env(), properties.service(), producer).queue();
  }
}
