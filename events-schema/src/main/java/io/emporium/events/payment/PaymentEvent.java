package io.emporium.events.payment;

import io.emporium.events.DomainEvent;
import io.emporium.events.Producer;

/** Events the payment service publishes; the subject is the payment id. */
@Producer("payment")
public sealed interface PaymentEvent extends DomainEvent
    permits PaymentAuthorized, PaymentDeclined, PaymentRefunded {

  String paymentId();

  String orderId();

  @Override
  default String subject() {
    return paymentId();
  }
}
