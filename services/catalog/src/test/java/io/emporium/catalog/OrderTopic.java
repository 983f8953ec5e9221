package io.emporium.catalog;

import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.LineItem;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.testing.SampleOrder;
import io.emporium.platform.testing.UpstreamEvents;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;

/** Plays the order service: publishes its events to its topic, built as {@link SampleOrder}s. */
public final class OrderTopic {

  private final EventCodec codec = new EventCodec();
  private final UpstreamEvents upstream = UpstreamEvents.forTestEmulator();

  /** Publishes {@code event} in a new envelope (fresh id) and returns that envelope. */
  public EventEnvelope publish(OrderEvent event) {
    return upstream.publish(event);
  }

  /** Publishes {@code envelope} as it is: the same id again is a duplicate delivery. */
  public EventEnvelope publish(EventEnvelope envelope) {
    return upstream.publish(envelope);
  }

  public CatalogEvent decode(Message message) {
    return (CatalogEvent) codec.decode(message.body()).data();
  }

  /** Messages about one of {@code orderIds}. */
  public Predicate<Message> about(Set<String> orderIds) {
    return m -> orderIds.contains(codec.decode(m.body()).subject());
  }

  public static String newOrderId() {
    return "ord-" + UUID.randomUUID();
  }

  public static LineItem line(String sku, int quantity) {
    return SampleOrder.line(sku, quantity);
  }

  public static OrderPlaced placed(String orderId, LineItem... lines) {
    return SampleOrder.of(orderId).withLines(lines).placed();
  }

  public static OrderConfirmed confirmed(OrderPlaced order) {
    return SampleOrder.from(order).confirmed();
  }

  public static OrderCancelled cancelled(OrderPlaced order, CancellationReason reason) {
    return SampleOrder.from(order).cancelled(reason, "test");
  }
}
