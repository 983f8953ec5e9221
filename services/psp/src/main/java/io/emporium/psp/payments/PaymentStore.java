package io.emporium.psp.payments;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Payments in the provider's PostgreSQL; callers bring the transaction. */
@Repository
class PaymentStore {

  private static final String COLUMNS =
      "payment_id, idempotency_key, reference, payment_method_token, amount_minor, currency,"
          + " status, authorization_code, decline_code, decline_message, created_at, updated_at";
  private static final String INSERT =
      "INSERT INTO payments ("
          + COLUMNS
          + ") VALUES (:id, :key, :reference, :token, :amountMinor, :currency, :status,"
          + " :authorizationCode, :declineCode, :declineMessage, :createdAt, :updatedAt)";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM payments";

  private final DatabaseClient db;

  PaymentStore(DatabaseClient db) {
    this.db = db;
  }

  Mono<Void> insert(Payment payment, String token) {
    var insert =
        db.sql(INSERT)
            .bind("id", payment.paymentId())
            .bind("key", payment.idempotencyKey())
            .bind("token", token)
            .bind("amountMinor", payment.amount().amountMinor())
            .bind("currency", payment.amount().currency())
            .bind("status", payment.status().name())
            .bind("createdAt", payment.createdAt())
            .bind("updatedAt", payment.updatedAt());
    insert = nullable(insert, "reference", payment.reference());
    insert = nullable(insert, "authorizationCode", payment.authorizationCode());
    insert = nullable(insert, "declineCode", payment.declineCode());
    insert = nullable(insert, "declineMessage", payment.declineMessage());
    return insert.then();
  }

  Mono<Payment> find(String paymentId) {
    return db.sql(SELECT + " WHERE payment_id = :id")
        .bind("id", paymentId)
        .map(PaymentStore::payment)
        .one();
  }

  /** The payment, locked until the transaction ends (serializes operations on it). */
  Mono<Payment> lock(String paymentId) {
    return db.sql(SELECT + " WHERE payment_id = :id FOR UPDATE")
        .bind("id", paymentId)
        .map(PaymentStore::payment)
        .one();
  }

  Mono<Payment> findByIdempotencyKey(String key) {
    return db.sql(SELECT + " WHERE idempotency_key = :key")
        .bind("key", key)
        .map(PaymentStore::payment)
        .one();
  }

  Flux<Payment> findByReference(String reference) {
    return db.sql(SELECT + " WHERE reference = :reference ORDER BY created_at, payment_id")
        .bind("reference", reference)
        .map(PaymentStore::payment)
        .all();
  }

  Mono<Void> update(Payment payment) {
    return db.sql(
            "UPDATE payments SET status = :status, updated_at = :updatedAt WHERE payment_id = :id")
        .bind("id", payment.paymentId())
        .bind("status", payment.status().name())
        .bind("updatedAt", payment.updatedAt())
        .then();
  }

  private static Payment payment(Readable row) {
    return new Payment(
        row.get("payment_id", String.class),
        row.get("idempotency_key", String.class),
        row.get("reference", String.class),
        new Amount(row.get("amount_minor", Long.class), row.get("currency", String.class)),
        PaymentStatus.valueOf(row.get("status", String.class)),
        row.get("authorization_code", String.class),
        row.get("decline_code", String.class),
        row.get("decline_message", String.class),
        instant(row, "created_at"),
        instant(row, "updated_at"));
  }

  private static Instant instant(Readable row, String column) {
    return row.get(column, OffsetDateTime.class).toInstant();
  }

  private static DatabaseClient.GenericExecuteSpec nullable(
      DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }
}
