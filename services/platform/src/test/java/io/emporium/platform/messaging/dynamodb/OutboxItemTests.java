package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.EventIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxItemTests {

  @Test
  void roundTripsThroughItsDynamoDbAttributes() {
    Instant t = Instant.parse("2026-11-21T10:00:00.123Z");
    var item =
        new OutboxItem(
            "OUTBOX#2", EventIds.next(), "cart.CartCheckedOut.v1", "cart-1", "{}", null, t, 3, t);

    assertThat(OutboxItem.from(item.toAttributes())).isEqualTo(item);
    assertThat(item.toAttributes()).doesNotContainKey("traceparent");
    assertThat(item.toOutgoingEvent().payload()).isEqualTo("{}");
  }
}
