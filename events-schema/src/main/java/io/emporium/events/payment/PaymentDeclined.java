package io.emporium.events.payment;

import io.emporium.events.Money;
import io.emporium.events.WireType;

/** The provider declined; {@code reasonCode} is machine-readable (e.g. card_declined). */
@WireType("payment.PaymentDeclined.v1")
public record PaymentDeclined(
    String paymentId, String orderId, Money amount, String reasonCode, String message)
    implements PaymentEvent {}
