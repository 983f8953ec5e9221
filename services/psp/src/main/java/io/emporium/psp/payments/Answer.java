package io.emporium.psp.payments;

import java.time.Duration;

/**
 * The answer to one call: its HTTP status and payment; {@code replayed} when it is the stored
 * answer of a known idempotency key; {@code delay} before it is sent (the slow test card).
 */
record Answer(int status, Payment payment, boolean replayed, Duration delay) {

  static Answer of(int status, Payment payment) {
    return new Answer(status, payment, false, Duration.ZERO);
  }

  Answer late(Duration by) {
    return new Answer(status, payment, replayed, by);
  }
}
