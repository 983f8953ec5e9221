package io.emporium.payment.catalog;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.EventEnvelope;
import io.emporium.events.catalog.CatalogEvent;
import io.emporium.events.catalog.StockRejected;
import io.emporium.events.catalog.StockReleased;
import io.emporium.events.catalog.StockReserved;
import io.emporium.payment.payments.Payments;
import io.emporium.platform.messaging.inbox.InboundEvents;
import io.emporium.platform.messaging.r2dbc.R2dbcProcessedEvents;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * StockReserved → authorize the order's payment (once). The provider is called outside any
 * transaction, so the handling is idempotent by the payment's own status and the provider's
 * idempotency key, not by a transaction around it; the event id is recorded once it is done.
 */
@Component
class StockEventsListener {

  private final InboundEvents inbound;
  private final R2dbcProcessedEvents processed;
  private final Payments payments;

  StockEventsListener(InboundEvents inbound, R2dbcProcessedEvents processed, Payments payments) {
    this.inbound = inbound;
    this.processed = processed;
    this.payments = payments;
  }

  @SqsListener("#{@eventQueues.from('catalog')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(message, this::apply);
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    Mono<Void> effect =
        switch (envelope.dataAs(CatalogEvent.class)) {
          case StockReserved reserved -> payments.authorize(reserved.orderId());
          case StockRejected rejected -> Mono.empty();
          case StockReleased released -> Mono.empty();
        };
    return effect.then(processed.once(envelope, done -> Mono.empty()));
  }
}
