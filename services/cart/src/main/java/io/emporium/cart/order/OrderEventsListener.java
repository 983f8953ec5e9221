package io.emporium.cart.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.cart.carts.CheckoutOutcomes;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** The order service's verdicts: a confirmed order clears its cart, a cancelled one reopens it. */
@Component
class OrderEventsListener {

  private final InboundEvents inbound;
  private final CheckoutOutcomes outcomes;

  OrderEventsListener(InboundEvents inbound, CheckoutOutcomes outcomes) {
    this.inbound = inbound;
    this.outcomes = outcomes;
  }

  @SqsListener("#{@eventQueues.from('order')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        OrderEvent.class,
        event ->
            switch (event) {
              case OrderConfirmed confirmed ->
                  Effect.once(
                      outcomes.orderConfirmed(confirmed.customer().id(), confirmed.cartId()));
              case OrderCancelled cancelled ->
                  Effect.once(
                      outcomes.orderCancelled(cancelled.customer().id(), cancelled.cartId()));
              case OrderPlaced placed -> Effect.none(); // not subscribed (topology.yaml)
            });
  }
}
