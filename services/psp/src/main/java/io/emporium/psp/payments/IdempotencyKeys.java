package io.emporium.psp.payments;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The answer given to each idempotency key; callers bring the transaction. */
@Repository
class IdempotencyKeys {

  /** What a key was first sent with, and what it was answered. */
  record Stored(String fingerprint, int statusCode, String response) {}

  private final DatabaseClient db;

  IdempotencyKeys(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims {@code key} for this request; false when it is known. A concurrent claim of the same key
   * waits here until the first transaction ends (then sees it, or claims it if that rolled back).
   */
  Mono<Boolean> claim(String key, String fingerprint) {
    return db.sql(
            "INSERT INTO idempotency_keys (idempotency_key, fingerprint) VALUES (:key, :fp)"
                + " ON CONFLICT DO NOTHING")
        .bind("key", key)
        .bind("fp", fingerprint)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  Mono<Stored> find(String key) {
    return db.sql(
            "SELECT fingerprint, status_code, response FROM idempotency_keys"
                + " WHERE idempotency_key = :key")
        .bind("key", key)
        .map(
            row ->
                new Stored(
                    row.get("fingerprint", String.class),
                    row.get("status_code", Integer.class),
                    row.get("response", String.class)))
        .one();
  }

  Mono<Void> answer(String key, int statusCode, String response) {
    return db.sql(
            "UPDATE idempotency_keys SET status_code = :status, response = :response"
                + " WHERE idempotency_key = :key")
        .bind("key", key)
        .bind("status", statusCode)
        .bind("response", response)
        .then();
  }
}
