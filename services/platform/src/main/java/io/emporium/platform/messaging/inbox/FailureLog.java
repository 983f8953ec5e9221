package io.emporium.platform.messaging.inbox;

import reactor.core.publisher.Mono;

/**
 * Where the reason a message failed is kept, keyed by SQS message id (which survives the move to
 * the DLQ), so on-call tooling can show why a dead letter died.
 */
public interface FailureLog {

  /** Records (or updates) why {@code message} failed, outside the failed transaction. */
  Mono<Void> record(InboundMessage message, String eventId, String type, String reason);

  /** The last recorded failure of the SQS message {@code messageId}, if any. */
  Mono<MessageFailure> find(String messageId);
}
