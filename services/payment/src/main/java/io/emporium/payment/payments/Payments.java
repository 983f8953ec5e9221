package io.emporium.payment.payments;

import io.emporium.boundary.identity.CustomerId;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderPlaced;
import io.emporium.platform.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The payment use cases. Every one that needs the provider runs in three steps (ADR 0010): record
 * the intent and commit ({@link PaymentIntents}); call the provider with no transaction open
 * ({@link Settlement}); record the outcome and its events in a second transaction ({@link
 * PaymentOutcomes}). A crash or failure anywhere leaves the intent committed: the redelivered
 * message or the {@link PaymentReconciler} settles it by looking the outcome up by idempotency key,
 * so nothing is authorized twice and no authorization of a cancelled order stays held.
 */
@Service
public class Payments {

  private final PaymentRepository payments;
  private final PaymentIntents intents;
  private final Settlement settlement;

  Payments(PaymentRepository payments, PaymentIntents intents, Settlement settlement) {
    this.payments = payments;
    this.intents = intents;
    this.settlement = settlement;
  }

  /** OrderPlaced: remember what to charge once stock is reserved. Charges nothing. */
  public Mono<Void> remember(OrderPlaced placed) {
    var payment =
        new Payment(
            UUID.randomUUID(),
            placed.orderId(),
            placed.customer(),
            placed.total(),
            placed.paymentMethodToken(),
            PaymentStatus.AWAITING_STOCK,
            null,
            null);
    return payments.insertIfAbsent(payment).then();
  }

  /**
   * StockReserved: authorize the order's total once (PaymentAuthorized or PaymentDeclined). Fails
   * (to be retried) while OrderPlaced has not arrived; does nothing once the payment is past it.
   */
  public Mono<Void> authorize(String orderId) {
    return intents.authorize(orderId).flatMap(settlement::settle);
  }

  /** OrderConfirmed: capture the authorization. */
  public Mono<Void> capture(String orderId) {
    return intents.capture(orderId).flatMap(settlement::settle);
  }

  /**
   * OrderCancelled: void an authorization or refund a capture (PaymentRefunded), or make sure the
   * order is never authorized later — also when OrderPlaced has not arrived yet.
   */
  public Mono<Void> cancel(OrderCancelled cancelled) {
    return intents.cancel(cancelled).flatMap(settlement::settle);
  }

  /** The customer's payment of {@code orderId}; 404 if none or someone else's. */
  public Mono<PaymentView> find(String orderId, CustomerId customer) {
    return payments
        .findByOrderId(orderId)
        .filter(payment -> payment.customer().id().equals(customer.value()))
        .switchIfEmpty(
            Mono.error(() -> new NotFoundException("No payment for order " + orderId + ".")))
        .flatMap(
            payment ->
                payments
                    .ledger(payment.paymentId())
                    .collectList()
                    .map(ledger -> PaymentView.of(payment, ledger)));
  }
}
