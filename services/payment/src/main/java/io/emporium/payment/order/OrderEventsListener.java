package io.emporium.payment.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.EventEnvelope;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.payment.payments.Payments;
import io.emporium.platform.messaging.inbox.InboundEvents;
import io.emporium.platform.messaging.r2dbc.R2dbcProcessedEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * OrderPlaced → remember the payment; OrderConfirmed → capture it; OrderCancelled → void or refund
 * it (or never authorize it). Capture and cancel call the provider outside any transaction: they
 * are idempotent by the payment's status and the provider's idempotency keys, and the event id is
 * recorded once they are done.
 */
@Component
class OrderEventsListener {

  private final InboundEvents inbound;
  private final R2dbcProcessedEvents processed;
  private final Payments payments;

  OrderEventsListener(InboundEvents inbound, R2dbcProcessedEvents processed, Payments payments) {
    this.inbound = inbound;
    this.processed = processed;
    this.payments = payments;
  }

  @SqsListener("#{@eventQueues.from('order')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(message, this::apply);
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.dataAs(OrderEvent.class)) {
      case OrderPlaced placed -> processed.once(envelope, e -> payments.remember(placed));
      case OrderConfirmed confirmed -> recorded(envelope, payments.capture(confirmed.orderId()));
      case OrderCancelled cancelled -> recorded(envelope, payments.cancel(cancelled));
    };
  }

  private Mono<Void> recorded(EventEnvelope envelope, Mono<Void> effect) {
    return effect.then(processed.once(envelope, done -> Mono.empty()));
  }
}
