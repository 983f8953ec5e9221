package io.emporium.platform.messaging.dynamodb;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Where a service's DynamoDB outbox lives: table {@code emporium-<env>-<service>-outbox}
 * (data-schema.yaml declares it), hash key {@code pk} (S) = {@code OUTBOX#<shard>}, range key
 * {@code sk} (S) = the event id. Items spread over {@code shards} partition keys by the hash of
 * their id, so no single key takes all the writes; the relay queries every shard. Writers and the
 * relay must agree on the shard count.
 *
 * @param name the table name
 * @param shards how many {@code OUTBOX#n} partition keys items spread over (1..64)
 */
public record DynamoDbOutboxTable(String name, int shards) {

  /** Enough for ~1 300 events/s (3 writes per event, 1 000 WCU/s per key); 4 Queries per poll. */
  public static final int DEFAULT_SHARDS = 4;

  static final String PARTITION_KEY = "pk";
  static final String SORT_KEY = "sk";
  private static final String PARTITION_PREFIX = "OUTBOX#";

  public DynamoDbOutboxTable {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("outbox table name is blank");
    }
    if (shards < 1 || shards > 64) {
      throw new IllegalArgumentException("outbox shards must be 1..64, not " + shards);
    }
  }

  /** The partition key an event's item is written under. */
  String partitionOf(UUID eventId) {
    return PARTITION_PREFIX + Math.floorMod(eventId.hashCode(), shards);
  }

  /** Every partition key the relay reads. */
  List<String> partitions() {
    return IntStream.range(0, shards).mapToObj(s -> PARTITION_PREFIX + s).toList();
  }
}
