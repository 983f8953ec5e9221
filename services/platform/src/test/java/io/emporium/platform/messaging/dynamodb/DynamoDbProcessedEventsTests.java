package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoDbProcessedEventsTests {

  @Test
  void aFailedMarkerConditionIsADuplicate() {
    assertThat(DynamoDbProcessedEvents.isDuplicate(cancelled("ConditionalCheckFailed", "None"), 0))
        .isTrue();
  }

  @Test
  void anyOtherCancellationIsNot() {
    assertThat(DynamoDbProcessedEvents.isDuplicate(cancelled("None", "ConditionalCheckFailed"), 0))
        .isFalse();
    assertThat(DynamoDbProcessedEvents.isDuplicate(cancelled("TransactionConflict", "None"), 0))
        .isFalse();
    assertThat(DynamoDbProcessedEvents.isDuplicate(new IllegalStateException("boom"), 0)).isFalse();
  }

  private static TransactionCanceledException cancelled(String... codes) {
    var reasons =
        java.util.Arrays.stream(codes)
            .map(c -> CancellationReason.builder().code(c).build())
            .toList();
    return TransactionCanceledException.builder().cancellationReasons(reasons).build();
  }
}
