package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayRoundTests {

  @Test
  void takesWholePublishBatchesFromABacklog() {
    assertThat(RelayRound.wholeBatches(45, 50)).isEqualTo(40);
    assertThat(RelayRound.wholeBatches(120, 50)).isEqualTo(50);
    assertThat(RelayRound.wholeBatches(10, 50)).isEqualTo(10);
  }

  @Test
  void takesEverythingWhenLessThanOneBatchIsWaiting() {
    assertThat(RelayRound.wholeBatches(7, 50)).isEqualTo(7);
    assertThat(RelayRound.wholeBatches(0, 50)).isZero();
    assertThat(RelayRound.wholeBatches(7, 5)).isEqualTo(5);
  }
}
