package io.emporium.order;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.order.OrderPlaced;
import io.emporium.events.topology.Topology;
import io.emporium.platform.testing.EmulatedInfrastructure;
import io.emporium.platform.testing.QueueProbe;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What other services receive from order: payment's queue gets OrderPlaced and OrderCancelled,
 * notification's OrderConfirmed and OrderCancelled (topology.yaml). Nobody else reads them here.
 */
public final class Downstream {

  public static final Duration WITHIN = Duration.ofSeconds(30);
  private static final Topology TOPOLOGY = Topology.load();
  public static final String PAYMENT =
      TOPOLOGY.subscription(EmulatedInfrastructure.ENV, "payment", "order").queue();
  public static final String NOTIFICATION =
      TOPOLOGY.subscription(EmulatedInfrastructure.ENV, "notification", "order").queue();

  private final QueueProbe probe = QueueProbe.forTestEmulator();
  private final EventCodec codec = new EventCodec();

  /** Waits for one event of {@code type} whose body mentions {@code key}; fails if none comes. */
  public <T extends DomainEvent> T await(String queue, Class<T> type, String key) {
    List<Message> found = probe.await(queue, about(type, key), 1, WITHIN);
    if (found.isEmpty()) {
      throw new AssertionError(
          "no " + type.getSimpleName() + " about " + key + " on " + queue + " within " + WITHIN);
    }
    return decode(found.get(0)).dataAs(type);
  }

  /**
   * Waits for one event of {@code type} about each of {@code keys}, in one pass over the queue (an
   * event read while waiting for another key is not lost); fails if one does not come.
   */
  public <T extends DomainEvent> List<T> awaitEach(String queue, Class<T> type, List<String> keys) {
    List<Message> found =
        probe.await(
            queue, m -> keys.stream().anyMatch(k -> about(type, k).test(m)), keys.size(), WITHIN);
    List<T> events = found.stream().map(m -> decode(m).dataAs(type)).toList();
    if (events.size() < keys.size()) {
      throw new AssertionError(
          "not every "
              + type.getSimpleName()
              + " of "
              + keys
              + " on "
              + queue
              + " within "
              + WITHIN);
    }
    return events;
  }

  /** The OrderPlaced of a checkout, as payment receives it. */
  public OrderPlaced placed(String checkoutId) {
    return await(PAYMENT, OrderPlaced.class, checkoutId);
  }

  /** Every event of {@code type} mentioning {@code key} that arrives within {@code window}. */
  public List<EventEnvelope> during(
      String queue, Class<? extends DomainEvent> type, String key, Duration window) {
    return probe.drain(queue, window).stream().filter(about(type, key)).map(this::decode).toList();
  }

  private Predicate<Message> about(Class<? extends DomainEvent> type, String key) {
    return m -> m.body().contains(key) && type.isInstance(decode(m).data());
  }

  private EventEnvelope decode(Message message) {
    return codec.decode(message.body());
  }
}
