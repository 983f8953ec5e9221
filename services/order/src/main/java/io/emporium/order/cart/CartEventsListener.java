package io.emporium.order.cart;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.events.cart.CartEvent;
import io.emporium.order.orders.Orders;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** A checked-out cart becomes an order (one per checkout, however often the event comes). */
@Component
class CartEventsListener {

  private final InboundEvents inbound;
  private final Orders orders;

  CartEventsListener(InboundEvents inbound, Orders orders) {
    this.inbound = inbound;
    this.orders = orders;
  }

  @SqsListener("#{@eventQueues.from('cart')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        CartEvent.class,
        (event, envelope) ->
            switch (event) {
              case CartCheckedOut checkout -> Effect.once(orders.place(checkout, envelope.time()));
            });
  }
}
