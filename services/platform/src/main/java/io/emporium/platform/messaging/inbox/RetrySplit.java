package io.emporium.platform.messaging.inbox;

import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ImmediateRetryAsyncErrorHandler;
import io.emporium.events.MalformedEventException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * Why a message failed decides how soon SQS delivers it again (ADR 0019). Poison, a message that
 * can never be handled (not an event, not valid, not of the queue's producer), is made visible
 * again at once, so it uses up its maxReceiveCount in seconds and waits in the DLQ for on-call.
 * Anything else is presumed to be a dependency that is down or refusing (SES, the payment provider,
 * PostgreSQL, a throttled API, a bug about to be rolled back) and backs off exponentially:
 * maxReceiveCount × the capped backoff is the outage a queue rides out before its DLQ. Both leave
 * the message unacknowledged.
 */
final class RetrySplit implements AsyncErrorHandler<Object> {

  private final AsyncErrorHandler<Object> backoff;
  private final AsyncErrorHandler<Object> immediately = new ImmediateRetryAsyncErrorHandler<>();

  RetrySplit(AsyncErrorHandler<Object> backoff) {
    this.backoff = backoff;
  }

  @Override
  public CompletableFuture<Void> handle(Message<Object> message, Throwable error) {
    return (isPoison(error) ? immediately : backoff).handle(message, error);
  }

  @Override
  public CompletableFuture<Void> handle(Collection<Message<Object>> messages, Throwable error) {
    return (isPoison(error) ? immediately : backoff).handle(messages, error);
  }

  /**
   * A body that is not a valid event, or an event the listener cannot take (another producer's
   * type): trying again cannot change the outcome.
   */
  static boolean isPoison(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof MalformedEventException || cause instanceof ClassCastException) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
