package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.EventIds;
import io.emporium.events.dataschema.DataSchema;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoDbOutboxTableTests {

  @Test
  void namesTheTablesAfterEnvironmentAndServiceAsTheDataSchemaDeclaresThem() {
    var tables = MessagingTables.of(DataSchema.load(), "prod", "cart");

    assertThat(tables.outbox().name()).isEqualTo("emporium-prod-cart-outbox");
    assertThat(tables.inbox()).isEqualTo("emporium-prod-cart-inbox");
    assertThat(tables.outbox().partitions())
        .containsExactly("OUTBOX#0", "OUTBOX#1", "OUTBOX#2", "OUTBOX#3");
  }

  @Test
  void writesTheKeysAndTheExpiryTheDataSchemaDeclares() {
    var tables = MessagingTables.of(DataSchema.load(), "prod", "cart");

    assertThat(tables.outboxDeclared().hashKey()).isEqualTo(DynamoDbOutboxTable.PARTITION_KEY);
    assertThat(tables.outboxDeclared().rangeKey()).isEqualTo(DynamoDbOutboxTable.SORT_KEY);
    assertThat(tables.inboxDeclared().hashKey()).isEqualTo(DynamoDbProcessedEvents.PARTITION_KEY);
    assertThat(tables.inboxDeclared().ttlAttribute()).isEqualTo(DynamoDbProcessedEvents.EXPIRES_AT);
  }

  @Test
  void spreadsEventsOverEveryShardAndAlwaysPutsAnEventInTheSameOne() {
    var table = new DynamoDbOutboxTable("t", 4);
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      var id = EventIds.next();
      assertThat(table.partitionOf(id)).isEqualTo(table.partitionOf(id)).isIn(table.partitions());
      used.add(table.partitionOf(id));
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(table.partitions());
  }

  @Test
  void rejectsAShardCountOutOfRange() {
    assertThatThrownBy(() -> new DynamoDbOutboxTable("t", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DynamoDbOutboxTable("t", 65))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
