package io.emporium.payment.catalog;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReleased;
import io.emporium.events.catalog.StockReserved;
import io.emporium.payment.payments.Payments;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * StockReserved → authorize the order's payment (once). The provider is called outside any
 * transaction, so the handling is idempotent by the payment's own status and the provider's
 * idempotency key, not by a transaction around it; the event id is recorded once it is done.
 */
@Component
class StockEventsListener {

  private final InboundEvents inbound;
  private final Payments payments;

  StockEventsListener(InboundEvents inbound, Payments payments) {
    this.inbound = inbound;
    this.payments = payments;
  }

  @SqsListener("#{@eventQueues.from('catalog')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        CatalogEvent.class,
        event ->
            switch (event) {
              case StockReserved reserved ->
                  Effect.idempotent(payments.authorize(reserved.orderId()));
              case StockRejected rejected -> Effect.none();
              case StockReleased released -> Effect.none();
            });
  }
}
