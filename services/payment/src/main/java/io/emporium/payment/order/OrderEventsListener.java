package io.emporium.payment.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.payment.payments.Payments;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * OrderPlaced → remember the payment; OrderConfirmed → capture it; OrderCancelled → void or refund
 * it (or never authorize it). Capture and cancel call the provider outside any transaction: they
 * are idempotent by the payment's status and the provider's idempotency keys, and the event id is
 * recorded once they are done.
 */
@Component
class OrderEventsListener {

  private final InboundEvents inbound;
  private final Payments payments;

  OrderEventsListener(InboundEvents inbound, Payments payments) {
    this.inbound = inbound;
    this.payments = payments;
  }

  @SqsListener("#{@eventQueues.from('order')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        OrderEvent.class,
        event ->
            switch (event) {
              case OrderPlaced placed -> Effect.once(payments.remember(placed));
              case OrderConfirmed confirmed ->
                  Effect.idempotent(payments.capture(confirmed.orderId()));
              case OrderCancelled cancelled -> Effect.idempotent(payments.cancel(cancelled));
            });
  }
}
