package io.emporium.order.cart;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.EventEnvelope;
import io.emporium.events.cart.CartCheckedOut;
import io.emporium.order.orders.Orders;
import io.emporium.platform.messaging.inbox.InboundEvents;
import io.emporium.platform.messaging.r2dbc.R2dbcProcessedEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A checked-out cart becomes an order (one per checkout, however often the event comes). */
@Component
class CartEventsListener {

  private final InboundEvents inbound;
  private final R2dbcProcessedEvents processed;
  private final Orders orders;

  CartEventsListener(InboundEvents inbound, R2dbcProcessedEvents processed, Orders orders) {
    this.inbound = inbound;
    this.processed = processed;
    this.orders = orders;
  }

  @SqsListener("#{@eventQueues.from('cart')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(message, envelope -> processed.once(envelope, this::apply));
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    if (envelope.data() instanceof CartCheckedOut checkout) {
      return orders.place(checkout, envelope.time());
    }
    return Mono.error(new IllegalArgumentException("unexpected cart event " + envelope.type()));
  }
}
