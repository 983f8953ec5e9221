package io.emporium.order.catalog;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.catalog.ShortLine;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReleased;
import io.emporium.events.catalog.StockReserved;
import io.emporium.order.orders.Orders;
import io.emporium.order.orders.SagaSignal;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** The catalog's answer to OrderPlaced: the stock is reserved, or some lines are short. */
@Component
class StockEventsListener {

  private static final Logger log = LoggerFactory.getLogger(StockEventsListener.class);

  private final InboundEvents inbound;
  private final Orders orders;

  StockEventsListener(InboundEvents inbound, Orders orders) {
    this.inbound = inbound;
    this.orders = orders;
  }

  @SqsListener("#{@eventQueues.from('catalog')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        CatalogEvent.class,
        event ->
            switch (event) {
              case StockReserved reserved ->
                  Effect.once(orders.apply(reserved.orderId(), new SagaSignal.StockReserved()));
              case StockRejected rejected ->
                  Effect.once(
                      orders.apply(
                          rejected.orderId(),
                          new SagaSignal.StockRejected(shortage(rejected.shortLines()))));
              case StockReleased released -> {
                log.info("order {}: stock released, nothing to do", released.orderId());
                yield Effect.none();
              }
            });
  }

  /** E.g. "short: SKU-1 (requested 3, available 1), SKU-2 (requested 1, available 0)". */
  static String shortage(List<ShortLine> lines) {
    return "short: "
        + lines.stream()
            .map(
                l ->
                    l.sku() + " (requested " + l.requested() + ", available " + l.available() + ")")
            .collect(Collectors.joining(", "));
  }
}
