package io.emporium.platform.messaging.dynamodb;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.inbox.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Consumer-side idempotency on DynamoDB: a marker item {@code pk = EVENT#<id>} in the service's
 * inbox table, put with {@code attribute_not_exists(pk)} in the same TransactWriteItems as the
 * handler's effect. A redelivered event fails the marker's condition, so the whole transaction is
 * cancelled and the effect happens once. Markers carry a TTL ({@code expiresAt}, epoch seconds)
 * longer than a message can live in a queue and its DLQ (14 days).
 *
 * <p>{@link #once} carries the marker to the effect's {@link DynamoDbTransactions#write} in the
 * Reactor context; an effect that writes nothing (the event changes nothing) records nothing.
 */
public final class DynamoDbProcessedEvents implements ProcessedEvents {

  /** Longer than SQS can keep a message (4 days in the queue, 14 in the DLQ). */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(15);

  static final String PARTITION_KEY = "pk";
  static final String EXPIRES_AT = "expiresAt";
  static final String PROCESSED_AT = "processedAt";
  private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

  private final String tableName;
  private final Duration retention;
  private final Clock clock;

  public DynamoDbProcessedEvents(String tableName) {
    this(tableName, DEFAULT_RETENTION, Clock.systemUTC());
  }

  DynamoDbProcessedEvents(String tableName, Duration retention, Clock clock) {
    this.tableName = tableName;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "dynamodb";
  }

  @Override
  public Mono<Boolean> once(EventEnvelope envelope, Mono<Void> effect) {
    return Mono.defer(
        () -> {
          var marker = new ProcessedMarker(envelope.id(), marker(envelope.id()));
          return effect
              .contextWrite(Context.of(ProcessedMarker.class, marker))
              .then(Mono.fromCallable(() -> !marker.duplicate()));
        });
  }

  /** The marker Put of {@code eventId}; fails its condition when the event was processed. */
  TransactWriteItem marker(UUID eventId) {
    Instant now = clock.instant();
    Map<String, AttributeValue> item =
        Map.of(
            PARTITION_KEY, AttributeValue.fromS("EVENT#" + eventId),
            PROCESSED_AT, AttributeValue.fromS(now.toString()),
            EXPIRES_AT, AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
    Put put =
        Put.builder()
            .tableName(tableName)
            .item(item)
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
            .build();
    return TransactWriteItem.builder().put(put).build();
  }

  /**
   * True when {@code error} cancelled a transaction because the marker at {@code markerIndex}
   * already existed.
   */
  static boolean isDuplicate(Throwable error, int markerIndex) {
    if (!(error instanceof TransactionCanceledException cancelled)
        || !cancelled.hasCancellationReasons()
        || cancelled.cancellationReasons().size() <= markerIndex) {
      return false;
    }
    return CONDITIONAL_CHECK_FAILED.equals(cancelled.cancellationReasons().get(markerIndex).code());
  }
}
