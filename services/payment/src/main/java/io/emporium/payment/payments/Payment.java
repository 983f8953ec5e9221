package io.emporium.payment.payments;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import java.util.UUID;

/** The payment of one order: what to charge, on which card, and how far it got. */
record Payment(
    UUID paymentId,
    String orderId,
    Customer customer,
    Money amount,
    String paymentMethodToken,
    PaymentStatus status) {

  Payment withStatus(PaymentStatus next) {
    return new Payment(paymentId, orderId, customer, amount, paymentMethodToken, next);
  }
}
