package io.emporium.payment.payments;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import io.emporium.events.order.OrderCancelled;
import io.emporium.events.order.OrderPlaced;
import io.emporium.events.payment.PaymentAuthorized;
import io.emporium.events.payment.PaymentDeclined;
import io.emporium.events.payment.PaymentRefunded;
import io.emporium.payment.payments.LedgerEntry.Kind;
import io.emporium.payment.provider.AuthorizationResult;
import io.emporium.payment.provider.AuthorizationResult.Approved;
import io.emporium.payment.provider.AuthorizationResult.Declined;
import io.emporium.payment.provider.PaymentProvider;
import io.emporium.platform.identity.CustomerId;
import io.emporium.platform.messaging.r2dbc.R2dbcOutbox;
import io.emporium.platform.web.NotFoundException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The payment use cases. The event handlers run inside the transaction that records the event id
 * ({@code R2dbcProcessedEvents.once}); they lock the order's payment row, so a redelivered or
 * concurrent StockReserved and an OrderCancelled are serialized. The provider is called inside that
 * transaction with idempotency key = order id: if the transaction rolls back after the provider
 * answered, the retry gets the same answer from the provider and nothing is charged twice.
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final R2dbcOutbox outbox;
  private final AuthorizationMetrics metrics;

  Payments(
      PaymentRepository payments,
      PaymentProvider provider,
      R2dbcOutbox outbox,
      AuthorizationMetrics metrics) {
    this.payments = payments;
    this.provider = provider;
    this.outbox = outbox;
    this.metrics = metrics;
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
            PaymentStatus.AWAITING_STOCK);
    return payments.insertIfAbsent(payment).then();
  }

  /**
   * StockReserved: authorize the order's total once. Fails (to be retried) while OrderPlaced has
   * not arrived; does nothing if the payment is past AWAITING_STOCK (authorized, declined, voided).
   */
  public Mono<Void> authorize(String orderId) {
    return payments
        .lockByOrderId(orderId)
        .switchIfEmpty(Mono.error(() -> new OrderNotYetPlacedException(orderId)))
        .flatMap(
            payment -> {
              if (payment.status() != PaymentStatus.AWAITING_STOCK) {
                log.info("not authorizing order {}: payment is {}", orderId, payment.status());
                return Mono.empty();
              }
              return provider
                  .authorize(orderId, payment.paymentMethodToken(), payment.amount())
                  .flatMap(result -> record(payment, result));
            });
  }

  /**
   * OrderCancelled: void an authorization (PaymentRefunded), or make sure the order is never
   * authorized later — also when OrderPlaced has not arrived yet (a VOIDED payment is kept).
   */
  public Mono<Void> cancel(OrderCancelled cancelled) {
    return payments
        .lockByOrderId(cancelled.orderId())
        .map(this::cancel)
        .defaultIfEmpty(Mono.defer(() -> voidedBeforePlaced(cancelled)))
        .flatMap(effect -> effect);
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

  private Mono<Void> record(Payment payment, AuthorizationResult result) {
    return switch (result) {
      case Approved approved ->
          advance(
                  payment,
                  PaymentStatus.AUTHORIZED,
                  Kind.AUTHORIZATION,
                  approved.authorizationCode())
              .then(
                  outbox.append(
                      new PaymentAuthorized(
                          payment.paymentId().toString(),
                          payment.orderId(),
                          payment.amount(),
                          approved.authorizationCode())))
              .then(metrics.authorized());
      case Declined declined ->
          advance(payment, PaymentStatus.DECLINED, Kind.DECLINE, declined.reasonCode())
              .then(
                  outbox.append(
                      new PaymentDeclined(
                          payment.paymentId().toString(),
                          payment.orderId(),
                          payment.amount(),
                          declined.reasonCode(),
                          declined.message())))
              .then(metrics.declined(declined.reasonCode()));
    };
  }

  private Mono<Void> cancel(Payment payment) {
    return switch (payment.status()) {
      case AWAITING_STOCK -> payments.updateStatus(payment.withStatus(PaymentStatus.VOIDED));
      case AUTHORIZED -> voidAuthorization(payment);
      case DECLINED, REFUNDED, VOIDED -> Mono.empty();
    };
  }

  private Mono<Void> voidAuthorization(Payment payment) {
    return payments
        .ledger(payment.paymentId())
        .filter(entry -> entry.kind() == Kind.AUTHORIZATION)
        .next()
        .switchIfEmpty(
            Mono.error(
                () -> new IllegalStateException("authorized payment without an authorization")))
        .flatMap(
            authorization ->
                provider.voidAuthorization("void-" + payment.orderId(), authorization.reference()))
        .flatMap(voidReference -> advance(payment, PaymentStatus.VOIDED, Kind.VOID, voidReference))
        .then(
            outbox.append(
                new PaymentRefunded(
                    payment.paymentId().toString(),
                    payment.orderId(),
                    payment.customer(),
                    payment.amount())))
        .then(metrics.voided());
  }

  private Mono<Void> voidedBeforePlaced(OrderCancelled cancelled) {
    Customer customer = cancelled.customer();
    Money total = cancelled.total();
    var tombstone =
        new Payment(
            UUID.randomUUID(), cancelled.orderId(), customer, total, null, PaymentStatus.VOIDED);
    return payments
        .insertIfAbsent(tombstone)
        .flatMap(
            inserted ->
                inserted
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "payment of order " + cancelled.orderId() + " appeared concurrently")));
  }

  private Mono<Void> advance(Payment payment, PaymentStatus status, Kind kind, String reference) {
    return payments
        .updateStatus(payment.withStatus(status))
        .then(
            payments.append(
                payment.paymentId(), LedgerEntry.of(kind, payment.amount(), reference)));
  }
}
