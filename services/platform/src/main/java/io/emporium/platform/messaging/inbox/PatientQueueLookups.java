package io.emporium.platform.messaging.inbox;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The SQS client of the listener containers, whose queue lookups at startup ({@code GetQueueUrl},
 * {@code GetQueueAttributes}) ride out an AWS endpoint that is slow or unreachable: a lookup that
 * fails for a transient reason (no connection, a timeout, a 5xx, throttling) is tried again with a
 * capped exponential backoff, for as long as it takes. A lookup SQS answers with a client error (a
 * queue that does not exist, access denied) fails at once: that is a deployment to fix, not an
 * outage to wait for. Every other call goes straight to the client.
 */
final class PatientQueueLookups implements InvocationHandler {

  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(PatientQueueLookups.class);
  private static final Set<String> LOOKUPS = Set.of("getQueueUrl", "getQueueAttributes");

  private final SqsAsyncClient client;

  private PatientQueueLookups(SqsAsyncClient client) {
    this.client = client;
  }

  static SqsAsyncClient around(SqsAsyncClient client) {
    return (SqsAsyncClient)
        Proxy.newProxyInstance(
            SqsAsyncClient.class.getClassLoader(),
            new Class<?>[] {SqsAsyncClient.class},
            new PatientQueueLookups(client));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (!LOOKUPS.contains(method.getName())) {
      return call(method, args);
    }
    return retried(method.getName(), () -> lookup(method, args), 1);
  }

  private CompletableFuture<?> lookup(Method method, Object[] args) {
    try {
      return (CompletableFuture<?>) call(method, args);
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private <T> CompletableFuture<T> retried(
      String operation, Supplier<CompletableFuture<T>> lookup, int attempt) {
    return lookup
        .get()
        .exceptionallyCompose(
            error -> {
              Throwable cause = unwrap(error);
              if (!worthWaitingFor(cause)) {
                return CompletableFuture.failedFuture(cause);
              }
              Duration delay = delay(attempt);
              log.warn(
                  "SQS {} failed ({}), attempt {}: trying again in {} ms (listeners start once"
                      + " the AWS endpoint answers)",
                  operation,
                  cause.toString(),
                  attempt,
                  delay.toMillis());
              var later =
                  CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
              return CompletableFuture.supplyAsync(() -> null, later)
                  .thenCompose(ignored -> retried(operation, lookup, attempt + 1));
            });
  }

  /** No answer at all, a server error or throttling: worth waiting for. */
  static boolean worthWaitingFor(Throwable cause) {
    if (cause instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException();
    }
    return cause instanceof SdkClientException;
  }

  /** Capped exponential, half of it random, so that services restarted together spread out. */
  static Duration delay(int attempt) {
    long millis =
        Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
