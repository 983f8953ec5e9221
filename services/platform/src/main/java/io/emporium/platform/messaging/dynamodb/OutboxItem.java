package io.emporium.platform.messaging.dynamodb;

import io.emporium.platform.messaging.outbox.OutgoingEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One event waiting in the outbox, as stored: times are epoch milliseconds (N), the payload is the
 * encoded envelope. {@code leaseUntil}/{@code leaseOwner}/{@code lastError}/{@code deadLetteredAt}
 * are written by the relay only.
 */
record OutboxItem(
    String partition,
    UUID id,
    String type,
    String subject,
    String payload,
    String traceparent,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt) {

  static final String TYPE = "type";
  static final String SUBJECT = "subject";
  static final String PAYLOAD = "payload";
  static final String TRACEPARENT = "traceparent";
  static final String CREATED_AT = "createdAt";
  static final String ATTEMPTS = "attempts";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String LEASE_OWNER = "leaseOwner";
  static final String LAST_ERROR = "lastError";
  static final String DEAD_LETTERED_AT = "deadLetteredAt";

  Map<String, AttributeValue> key() {
    return Map.of(
        DynamoDbOutboxTable.PARTITION_KEY, s(partition),
        DynamoDbOutboxTable.SORT_KEY, s(id.toString()));
  }

  Map<String, AttributeValue> toAttributes() {
    Map<String, AttributeValue> item = new HashMap<>(key());
    item.put(TYPE, s(type));
    item.put(PAYLOAD, s(payload));
    item.put(CREATED_AT, millis(createdAt));
    item.put(ATTEMPTS, n(attempts));
    item.put(NEXT_ATTEMPT_AT, millis(nextAttemptAt));
    if (subject != null) {
      item.put(SUBJECT, s(subject));
    }
    if (traceparent != null) {
      item.put(TRACEPARENT, s(traceparent));
    }
    return item;
  }

  static OutboxItem from(Map<String, AttributeValue> item) {
    return new OutboxItem(
        item.get(DynamoDbOutboxTable.PARTITION_KEY).s(),
        UUID.fromString(item.get(DynamoDbOutboxTable.SORT_KEY).s()),
        item.get(TYPE).s(),
        text(item, SUBJECT),
        item.get(PAYLOAD).s(),
        text(item, TRACEPARENT),
        instant(item, CREATED_AT),
        Integer.parseInt(item.get(ATTEMPTS).n()),
        instant(item, NEXT_ATTEMPT_AT));
  }

  OutgoingEvent toOutgoingEvent() {
    return new OutgoingEvent(id, type, subject, payload, traceparent);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue millis(Instant instant) {
    return n(instant.toEpochMilli());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    return Instant.ofEpochMilli(Long.parseLong(item.get(name).n()));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
