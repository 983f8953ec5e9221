package io.emporium.cart.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.cart.carts.CheckoutOutcomes;
import io.emporium.events.EventEnvelope;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

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
    return inbound.handle(message, this::apply);
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.data()) {
      case OrderConfirmed confirmed ->
          outcomes.orderConfirmed(envelope.id(), confirmed.customer().id(), confirmed.cartId());
      case OrderCancelled cancelled ->
          outcomes.orderCancelled(envelope.id(), cancelled.customer().id(), cancelled.cartId());
      default -> Mono.empty(); // not subscribed (topology.yaml filters it out)
    };
  }
}
