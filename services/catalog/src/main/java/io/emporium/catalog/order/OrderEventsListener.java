package io.emporium.catalog.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.catalog.stock.Reservations;
import io.emporium.events.LineItem;
import io.emporium.events.StockLine;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the catalog does when order events arrive: OrderPlaced reserves the order's stock,
 * OrderConfirmed commits it, OrderCancelled releases it. Each event once, in one transaction with
 * its effect and the events it causes.
 */
@Component
class OrderEventsListener {

  private final InboundEvents inbound;
  private final Reservations reservations;

  OrderEventsListener(InboundEvents inbound, Reservations reservations) {
    this.inbound = inbound;
    this.reservations = reservations;
  }

  @SqsListener("#{@eventQueues.from('order')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        OrderEvent.class,
        event ->
            switch (event) {
              case OrderPlaced placed ->
                  Effect.once(reservations.reserve(placed.orderId(), stockLines(placed.lines())));
              case OrderConfirmed confirmed ->
                  Effect.once(reservations.commit(confirmed.orderId()));
              case OrderCancelled cancelled ->
                  Effect.once(reservations.release(cancelled.orderId()));
            });
  }

  private static List<StockLine> stockLines(List<LineItem> lines) {
    return lines.stream().map(line -> new StockLine(line.sku(), line.quantity())).toList();
  }
}
