package io.emporium.notification.order;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.emporium.events.LineItem;
import io.emporium.events.order.CancellationReason;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderConfirmed;
import io.emporium.events.order.OrderEvent;
import io.emporium.events.order.OrderPlaced;
import io.emporium.notification.email.EmailTemplate;
import io.emporium.notification.email.MoneyFormat;
import io.emporium.notification.notifications.NotificationRequest;
import io.emporium.notification.notifications.Notifications;
import io.emporium.platform.messaging.inbox.Effect;
import io.emporium.platform.messaging.inbox.InboundEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** OrderConfirmed / OrderCancelled → tell the customer. */
@Component
class OrderEventsListener {

  private final InboundEvents inbound;
  private final Notifications notifications;

  OrderEventsListener(InboundEvents inbound, Notifications notifications) {
    this.inbound = inbound;
    this.notifications = notifications;
  }

  @SqsListener("#{@eventQueues.from('order')}")
  CompletableFuture<Void> on(Message<String> message) {
    return inbound.handle(
        message,
        OrderEvent.class,
        (event, envelope) ->
            switch (event) {
              case OrderConfirmed confirmed -> notify(envelope.id(), confirmation(confirmed));
              case OrderCancelled cancelled -> notify(envelope.id(), cancellation(cancelled));
              case OrderPlaced placed -> Effect.none();
            });
  }

  private Effect notify(UUID eventId, NotificationRequest request) {
    return Effect.once(notifications.record(eventId, request)).andThen(notifications.send(request));
  }

  private static NotificationRequest confirmation(OrderConfirmed order) {
    return new NotificationRequest(
        order.customer(),
        order.orderId(),
        EmailTemplate.ORDER_CONFIRMED,
        Map.of(
            "orderId", order.orderId(),
            "total", MoneyFormat.format(order.total()),
            "lines", lines(order.lines())));
  }

  private static NotificationRequest cancellation(OrderCancelled order) {
    return new NotificationRequest(
        order.customer(),
        order.orderId(),
        EmailTemplate.ORDER_CANCELLED,
        Map.of("orderId", order.orderId(), "reason", inWords(order.reason(), order.detail())));
  }

  /** Why, as the sentence "your order was cancelled because ..." goes on. */
  static String inWords(CancellationReason reason, String detail) {
    String because =
        switch (reason) {
          case OUT_OF_STOCK -> "some of its items are no longer in stock";
          case PAYMENT_DECLINED -> "the payment was declined";
          case TIMEOUT -> "it could not be completed in time";
        };
    return detail == null || detail.isBlank() ? because : because + " (" + detail + ")";
  }

  private static String lines(List<LineItem> lines) {
    return lines.stream()
        .map(
            line ->
                line.quantity()
                    + " × "
                    + line.name()
                    + " at "
                    + MoneyFormat.format(line.unitPrice()))
        .collect(Collectors.joining("\n"));
  }
}
