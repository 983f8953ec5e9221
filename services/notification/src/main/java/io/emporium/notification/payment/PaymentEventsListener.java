package io.emporium.notification.payment;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.EventEnvelope;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentEvent;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.notification.email.EmailTemplate;
import io.emporium.notification.email.MoneyFormat;
import io.emporium.notification.notifications.NotificationRequest;
import io.emporium.notification.notifications.Notifications;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** PaymentRefunded → tell the customer the held amount is released. */
@Component
class PaymentEventsListener {

  private final InboundEvents inbound;
  private final Notifications notifications;

  PaymentEventsListener(InboundEvents inbound, Notifications notifications) {
    this.inbound = inbound;
    this.notifications = notifications;
  }

  @SqsListener("#{@eventQueues.from('payment')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(message, this::apply);
  }

  private Mono<Void> apply(EventEnvelope envelope) {
    return switch (envelope.dataAs(PaymentEvent.class)) {
      case PaymentRefunded refunded -> notifications.notify(envelope, refund(refunded));
      case PaymentAuthorized authorized -> Mono.empty();
      case PaymentDeclined declined -> Mono.empty();
    };
  }

  private static NotificationRequest refund(PaymentRefunded refund) {
    return new NotificationRequest(
        refund.customer(),
        refund.orderId(),
        EmailTemplate.PAYMENT_REFUNDED,
        Map.of("orderId", refund.orderId(), "amount", MoneyFormat.format(refund.amount())));
  }
}
