package io.emporium.payment.payments;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The payment of one order: what to charge, on which card, how far it got, and the provider's id
 * once known. Its idempotency keys at the provider derive from {@code paymentId}, so every retry of
 * an operation, from any replica and after any restart, sends the same key.
 */
record Payment(
    UUID paymentId,
    String orderId,
    Customer customer,
    Money amount,
    String paymentMethodToken,
    PaymentStatus status,
    String providerPaymentId,
    Instant authorizationRequestedAt) {

  Payment withStatus(PaymentStatus next) {
    return new Payment(
        paymentId,
        orderId,
        customer,
        amount,
        paymentMethodToken,
        next,
        providerPaymentId,
        authorizationRequestedAt);
  }

  Payment withProviderPaymentId(String id) {
    return new Payment(
        paymentId,
        orderId,
        customer,
        amount,
        paymentMethodToken,
        status,
        id,
        authorizationRequestedAt);
  }

  String key(String operation) {
    return "pay-" + paymentId + "-" + operation;
  }

  String authorizationKey() {
    return key("authorize");
  }
}
