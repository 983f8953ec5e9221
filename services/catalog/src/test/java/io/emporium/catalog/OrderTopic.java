package io.emporium.catalog;

import io.emporium.events.Customer;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.events.LineItem;
import io.emporium.events.Money;
import io.emporium.events.ShippingAddress;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.testing.UpstreamEvents;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;

/** Plays the order service: publishes its events to its topic, and builds them. */
public final class OrderTopic {

  public static final Customer CUSTOMER = new Customer("cust-1", "ada@example.com");
  private static final ShippingAddress ADDRESS =
      new ShippingAddress("Ada Lovelace", "12 Rue des Lilas", "Apt 3", "Lyon", "69003", "FR");

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
    return new LineItem(sku, "Item " + sku, quantity, new Money(1000, "EUR"));
  }

  public static OrderPlaced placed(String orderId, LineItem... lines) {
    Money total =
        List.of(lines).stream().map(LineItem::lineTotal).reduce(new Money(0, "EUR"), Money::plus);
    return new OrderPlaced(
        orderId, "chk-" + orderId, CUSTOMER, List.of(lines), total, ADDRESS, "pm_tok_visa_4242");
  }

  public static OrderConfirmed confirmed(OrderPlaced order) {
    return new OrderConfirmed(
        order.orderId(),
        "cart-1",
        CUSTOMER,
        order.lines(),
        order.total(),
        "pay-" + order.orderId());
  }

  public static OrderCancelled cancelled(OrderPlaced order, CancellationReason reason) {
    return new OrderCancelled(
        order.orderId(), "cart-1", CUSTOMER, order.lines(), order.total(), reason, "test");
  }
}
