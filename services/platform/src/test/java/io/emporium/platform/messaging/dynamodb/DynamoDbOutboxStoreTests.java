package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynamoDbOutboxStoreTests {

  @Test
  void takesWholePublishBatchesFromABacklog() {
    assertThat(DynamoDbOutboxStore.wholeBatches(45, 50)).isEqualTo(40);
    assertThat(DynamoDbOutboxStore.wholeBatches(120, 50)).isEqualTo(50);
    assertThat(DynamoDbOutboxStore.wholeBatches(10, 50)).isEqualTo(10);
  }

  @Test
  void takesEverythingWhenLessThanOneBatchIsWaiting() {
    assertThat(DynamoDbOutboxStore.wholeBatches(7, 50)).isEqualTo(7);
    assertThat(DynamoDbOutboxStore.wholeBatches(0, 50)).isZero();
    assertThat(DynamoDbOutboxStore.wholeBatches(7, 5)).isEqualTo(5);
  }
}
