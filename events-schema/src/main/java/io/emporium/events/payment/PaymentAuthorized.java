package io.emporium.events.payment;

import io.emporium.events.Money;
import io.emporium.events.WireType;

/** The provider authorized the order's total. */
@WireType("payment.PaymentAuthorized.v1")
public record PaymentAuthorized(
    String paymentId, String orderId, Money amount, String authorizationCode)
    implements PaymentEvent {}
