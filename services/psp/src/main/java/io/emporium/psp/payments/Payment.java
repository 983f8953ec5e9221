package io.emporium.psp.payments;

import java.time.Instant;

/**
 * A payment at the provider, created by an authorization (approved or declined) and moved by
 * capture, void and refund. This is also the API's answer to every call.
 *
 * @param idempotencyKey the key of the authorization that created it
 * @param reference the merchant's reference (Emporium: the order id)
 * @param authorizationCode the issuer's code of the hold; null when declined
 * @param declineCode machine-readable reason when declined ({@code card_declined}, ...)
 */
public record Payment(
    String paymentId,
    String idempotencyKey,
    String reference,
    Amount amount,
    PaymentStatus status,
    String authorizationCode,
    String declineCode,
    String declineMessage,
    Instant createdAt,
    Instant updatedAt) {

  Payment moveTo(PaymentStatus next, Instant at) {
    return new Payment(
        paymentId,
        idempotencyKey,
        reference,
        amount,
        next,
        authorizationCode,
        declineCode,
        declineMessage,
        createdAt,
        at);
  }
}
