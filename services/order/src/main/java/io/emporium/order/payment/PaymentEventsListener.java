package io.emporium.order.payment;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentEvent;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.order.orders.Orders;
import io.emporium.order.orders.SagaSignal;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** The payment's answer to StockReserved: authorized (the order is confirmed) or declined. */
@Component
class PaymentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);

  private final InboundEvents inbound;
  private final Orders orders;

  PaymentEventsListener(InboundEvents inbound, Orders orders) {
    this.inbound = inbound;
    this.orders = orders;
  }

  @SqsListener("#{@eventQueues.from('payment')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        PaymentEvent.class,
        event ->
            switch (event) {
              case PaymentAuthorized authorized ->
                  Effect.once(
                      orders.apply(
                          authorized.orderId(),
                          new SagaSignal.PaymentAuthorized(authorized.paymentId())));
              case PaymentDeclined declined ->
                  Effect.once(
                      orders.apply(
                          declined.orderId(),
                          new SagaSignal.PaymentDeclined(declined.reasonCode())));
              case PaymentRefunded refunded -> {
                log.info("order {}: payment refunded, nothing to do", refunded.orderId());
                yield Effect.none();
              }
            });
  }
}
