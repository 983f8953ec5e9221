package io.emporium.payment.payments;

import io.emporium.events.Customer;
import io.emporium.events.Money;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Payments and their ledger in PostgreSQL; callers bring the transaction. Ledger appends are
 * idempotent.
 */
@Repository
class PaymentRepository {

  private static final String COLUMNS =
      "payment_id, order_id, customer_id, customer_email, amount_minor, currency, "
          + "payment_method_token, status, provider_payment_id, authorization_requested_at";
  private static final String INSERT =
      "INSERT INTO payments ("
          + COLUMNS
          + ") VALUES (:paymentId, :orderId, :customerId, :email, :amountMinor, :currency, :token,"
          + " :status, NULL, NULL) ON CONFLICT (order_id) DO NOTHING";
  private static final String BY_ORDER =
      "SELECT " + COLUMNS + " FROM payments WHERE order_id = :id";
  private static final String UPDATE =
      "UPDATE payments SET status = :status, provider_payment_id = :providerPaymentId,"
          + " authorization_requested_at = :requestedAt, updated_at = now() WHERE payment_id = :id";
  private static final String IN_FLIGHT =
      "SELECT "
          + COLUMNS
          + " FROM payments WHERE status IN ('AUTHORIZING', 'CAPTURING', 'CANCELLING')"
          + " AND updated_at < now() - make_interval(secs => :seconds) ORDER BY updated_at LIMIT :limit";
  private static final String STAMP =
      "UPDATE payments SET authorization_requested_at = :at, updated_at = now()"
          + " WHERE payment_id = :id AND status = 'AUTHORIZING'";
  private static final String RELEASED_WITH_NOTHING_HELD =
      "SELECT "
          + COLUMNS
          + " FROM payments WHERE status = 'VOIDED' AND provider_payment_id IS NULL"
          + " AND authorization_requested_at IS NOT NULL"
          + " AND authorization_requested_at > now() - make_interval(secs => :seconds)"
          + " ORDER BY updated_at LIMIT :limit";
  private static final String TOUCH_RELEASED =
      "UPDATE payments SET updated_at = now()"
          + " WHERE payment_id = :id AND status = 'VOIDED' AND provider_payment_id IS NULL";
  private static final String INSERT_ENTRY =
      "INSERT INTO ledger_entries (entry_id, payment_id, kind, amount_minor, currency, reference, at)"
          + " VALUES (:entryId, :paymentId, :kind, :amountMinor, :currency, :reference, :at)"
          + " ON CONFLICT (payment_id, kind) DO NOTHING";
  private static final String LEDGER =
      "SELECT entry_id, kind, amount_minor, currency, reference, at FROM ledger_entries"
          + " WHERE payment_id = :id ORDER BY at, entry_id";

  private final DatabaseClient db;

  PaymentRepository(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts the payment unless its order already has one; true when inserted. */
  Mono<Boolean> insertIfAbsent(Payment payment) {
    var insert =
        db.sql(INSERT)
            .bind("paymentId", payment.paymentId())
            .bind("orderId", payment.orderId())
            .bind("customerId", payment.customer().id())
            .bind("amountMinor", payment.amount().amountMinor())
            .bind("currency", payment.amount().currency())
            .bind("status", payment.status().name());
    insert = bindNullable(insert, "email", payment.customer().email());
    insert = bindNullable(insert, "token", payment.paymentMethodToken());
    return insert.fetch().rowsUpdated().map(n -> n == 1);
  }

  Mono<Payment> findByOrderId(String orderId) {
    return db.sql(BY_ORDER).bind("id", orderId).map(PaymentRepository::payment).one();
  }

  /** The order's payment, locked until the transaction ends (serializes authorize and cancel). */
  Mono<Payment> lockByOrderId(String orderId) {
    return db.sql(BY_ORDER + " FOR UPDATE")
        .bind("id", orderId)
        .map(PaymentRepository::payment)
        .one();
  }

  /** Writes the payment's status, provider id and authorization time. */
  Mono<Void> update(Payment payment) {
    var update =
        db.sql(UPDATE).bind("id", payment.paymentId()).bind("status", payment.status().name());
    update = bindNullable(update, "providerPaymentId", payment.providerPaymentId());
    update =
        payment.authorizationRequestedAt() == null
            ? update.bindNull("requestedAt", OffsetDateTime.class)
            : update.bind("requestedAt", payment.authorizationRequestedAt());
    return update.then();
  }

  /**
   * Payments in an intent (a provider call unrecorded) since longer than {@code age}, oldest first.
   */
  Flux<Payment> inFlightSince(Duration age, int limit) {
    return db.sql(IN_FLIGHT)
        .bind("seconds", age.toMillis() / 1000.0)
        .bind("limit", limit)
        .map(PaymentRepository::payment)
        .all();
  }

  /**
   * Records that an authorize request is about to be sent at {@code at}, if the payment is still
   * AUTHORIZING (its row lock serializes this with a cancellation); true when it is.
   */
  Mono<Boolean> stampAuthorizationRequest(UUID paymentId, Instant at) {
    return db.sql(STAMP)
        .bind("id", paymentId)
        .bind("at", at)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /**
   * Payments released with nothing held (VOIDED, no provider id) whose latest authorize request was
   * sent less than {@code window} ago, least recently looked at first.
   */
  Flux<Payment> releasedWithNothingHeld(Duration window, int limit) {
    return db.sql(RELEASED_WITH_NOTHING_HELD)
        .bind("seconds", window.toMillis() / 1000.0)
        .bind("limit", limit)
        .map(PaymentRepository::payment)
        .all();
  }

  /** Marks a payment released with nothing held as looked at now (the next ones go first). */
  Mono<Void> touchReleased(UUID paymentId) {
    return db.sql(TOUCH_RELEASED).bind("id", paymentId).then();
  }

  Mono<Void> append(UUID paymentId, LedgerEntry entry) {
    return db.sql(INSERT_ENTRY)
        .bind("entryId", entry.entryId())
        .bind("paymentId", paymentId)
        .bind("kind", entry.kind().name())
        .bind("amountMinor", entry.amount().amountMinor())
        .bind("currency", entry.amount().currency())
        .bind("reference", entry.reference())
        .bind("at", entry.at())
        .then();
  }

  Flux<LedgerEntry> ledger(UUID paymentId) {
    return db.sql(LEDGER)
        .bind("id", paymentId)
        .map(
            row ->
                new LedgerEntry(
                    row.get("entry_id", UUID.class),
                    LedgerEntry.Kind.valueOf(row.get("kind", String.class)),
                    money(row),
                    row.get("at", OffsetDateTime.class).toInstant(),
                    row.get("reference", String.class)))
        .all();
  }

  private static Payment payment(Readable row) {
    return new Payment(
        row.get("payment_id", UUID.class),
        row.get("order_id", String.class),
        new Customer(row.get("customer_id", String.class), row.get("customer_email", String.class)),
        money(row),
        row.get("payment_method_token", String.class),
        PaymentStatus.valueOf(row.get("status", String.class)),
        row.get("provider_payment_id", String.class),
        instant(row.get("authorization_requested_at", OffsetDateTime.class)));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static Money money(Readable row) {
    return new Money(row.get("amount_minor", Long.class), row.get("currency", String.class));
  }

  private static DatabaseClient.GenericExecuteSpec bindNullable(
      DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }
}
