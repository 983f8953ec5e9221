package io.emporium.platform.messaging.dynamodb;

import io.emporium.events.DomainEvent;
import io.emporium.events.EventCodec;
import io.emporium.events.EventEnvelope;
import io.emporium.platform.messaging.TraceContext;
import io.emporium.platform.messaging.outbox.OutboxSpans;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes events into the DynamoDB outbox: {@link #append} returns the Put the caller adds to the
 * SAME TransactWriteItems request as its state change, so the event exists if and only if the
 * change committed. The relay publishes and removes it.
 *
 * <pre>{@code
 * transactions.write(List.of(cartUpdate, outbox.append(checkedOut)))
 * }</pre>
 */
public final class DynamoDbOutbox {

  private final DynamoDbOutboxTable table;
  private final EventCodec codec;
  private final Clock clock;

  public DynamoDbOutbox(DynamoDbOutboxTable table, EventCodec codec) {
    this(table, codec, Clock.systemUTC());
  }

  DynamoDbOutbox(DynamoDbOutboxTable table, EventCodec codec, Clock clock) {
    this.table = table;
    this.codec = codec;
    this.clock = clock;
  }

  /** The outbox Put of a new event (fresh id, current time, current trace context). */
  public TransactWriteItem append(DomainEvent event) {
    return append(EventEnvelope.of(event));
  }

  /** The outbox Put of {@code envelope}; its id is the item's sort key and the SNS entry id. */
  public TransactWriteItem append(EventEnvelope envelope) {
    Instant now = clock.instant();
    // The Put joins the caller's TransactWriteItems; the span marks where the event entered the
    // trace.
    Span span = OutboxSpans.append(envelope);
    String traceparent = OutboxSpans.traceparent(span, TraceContext.currentTraceparent());
    span.end();
    var item =
        new OutboxItem(
            table.partitionOf(envelope.id()),
            envelope.id(),
            envelope.type(),
            envelope.subject(),
            codec.encode(envelope),
            traceparent,
            now,
            0,
            now);
    Put put =
        Put.builder()
            .tableName(table.name())
            .item(item.toAttributes())
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", DynamoDbOutboxTable.PARTITION_KEY))
            .build();
    return TransactWriteItem.builder().put(put).build();
  }

  public DynamoDbOutboxTable table() {
    return table;
  }
}
