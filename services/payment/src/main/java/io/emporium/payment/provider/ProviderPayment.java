package io.emporium.payment.provider;

/**
 * A payment as the provider knows it (its answer to every call and to a look-up).
 *
 * @param paymentId the provider's payment id (voids, captures and refunds name it)
 * @param authorizationCode the issuer's code of the hold; null when declined
 * @param declineCode machine-readable reason when declined (e.g. {@code card_declined})
 */
public record ProviderPayment(
    String paymentId,
    Status status,
    String authorizationCode,
    String declineCode,
    String declineMessage) {

  /** Where the payment stands at the provider. */
  public enum Status {
    AUTHORIZED,
    DECLINED,
    CAPTURED,
    VOIDED,
    REFUNDED
  }

  /** True when money was (or still is) held or taken: an authorization was approved. */
  public boolean approved() {
    return status != Status.DECLINED;
  }
}
