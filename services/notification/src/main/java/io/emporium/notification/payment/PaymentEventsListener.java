package io.emporium.notification.payment;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentEvent;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.notification.email.EmailTemplate;
import io.emporium.notification.email.MoneyFormat;
import io.emporium.notification.notifications.NotificationRequest;
import io.emporium.notification.notifications.Notifications;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

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
    return inbound.handle(
        message,
        PaymentEvent.class,
        (event, envelope) ->
            switch (event) {
              case PaymentRefunded refunded ->
                  Effect.once(notifications.record(envelope.id(), refund(refunded)))
                      .andThen(notifications.send(refund(refunded)));
              case PaymentAuthorized authorized -> Effect.none();
              case PaymentDeclined declined -> Effect.none();
            });
  }

  private static NotificationRequest refund(PaymentRefunded refund) {
    return new NotificationRequest(
        refund.customer(),
        refund.orderId(),
        EmailTemplate.PAYMENT_REFUNDED,
        Map.of("orderId", refund.orderId(), "amount", MoneyFormat.format(refund.amount())));
  }
}
