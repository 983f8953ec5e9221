package io.emporium.psp.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emporium.psp.web.PspProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Server-side idempotency, durable in PostgreSQL: the first request with a key runs, and its answer
 * is stored in the same transaction as its effect; the same key again gets that answer (also after
 * a restart), a key sent with another request is refused (422). A request that fails stores
 * nothing, so its retry runs again.
 */
@Component
class IdempotentCalls {

  private final IdempotencyKeys keys;
  private final TransactionalOperator transactions;
  private final ObjectMapper json;

  IdempotentCalls(IdempotencyKeys keys, TransactionalOperator transactions, ObjectMapper json) {
    this.keys = keys;
    this.transactions = transactions;
    this.json = json;
  }

  /** {@code work} once per {@code key}; {@code fingerprint} identifies the request. */
  Mono<Answer> once(String key, String fingerprint, Supplier<Mono<Answer>> work) {
    Mono<Answer> attempt =
        keys.claim(key, fingerprint)
            .flatMap(
                claimed ->
                    claimed
                        ? work.get()
                            .flatMap(
                                answer ->
                                    keys.answer(key, answer.status(), write(answer.payment()))
                                        .thenReturn(answer))
                        : keys.find(key).map(stored -> replay(key, fingerprint, stored)));
    return transactions.transactional(attempt);
  }

  /** A hex SHA-256 of the operation and its parameters. */
  static String fingerprint(Object... parts) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (Object part : parts) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer replay(String key, String fingerprint, IdempotencyKeys.Stored stored) {
    if (!stored.fingerprint().equals(fingerprint)) {
      throw PspProblem.keyReused(
          "Idempotency key "
              + key
              + " was first used with another request; use a new key for a new request.");
    }
    return new Answer(stored.statusCode(), read(stored.response()), true, Duration.ZERO);
  }

  private String write(Payment payment) {
    try {
      return json.writeValueAsString(payment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Payment read(String response) {
    try {
      return json.readValue(response, Payment.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
