package io.emporium.events.payment;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import io.emporium.events.WireType;

/** An authorization was voided or refunded because its order was cancelled. */
@WireType("payment.PaymentRefunded.v1")
public record PaymentRefunded(String paymentId, String orderId, Customer customer, Money amount)
    implements PaymentEvent {}
