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

/** OrderPlaced → remember the payment; OrderCancelled → void it (or never authorize it). */
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
    return inbound.handle(message, envelope -> processed.once(envelope, this::apply));
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.dataAs(OrderEvent.class)) {
      case OrderPlaced placed -> payments.remember(placed);
      case OrderCancelled cancelled -> payments.cancel(cancelled);
      case OrderConfirmed confirmed -> Mono.empty();
    };
  }
}
