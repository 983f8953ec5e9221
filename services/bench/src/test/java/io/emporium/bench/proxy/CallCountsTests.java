package io.emporium.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallCountsTests {

  private final AwsCall query = new AwsCall("cart", "dynamodb:Query");
  private final AwsCall receive = new AwsCall("order", "sqs:ReceiveMessage");
  private final AwsCall publish = new AwsCall("cart", "sns:PublishBatch");

  @Test
  void aWindowIsTheDifferenceOfTwoSnapshots() {
    CallCounts before = new CallCounts(Map.of(query, 10L, receive, 3L));
    CallCounts after = new CallCounts(Map.of(query, 14L, receive, 3L, publish, 2L));

    CallCounts window = after.minus(before);

    assertThat(window.counts()).containsOnly(Map.entry(query, 4L), Map.entry(publish, 2L));
    assertThat(window.total(CallCounts::messaging)).isEqualTo(2);
    assertThat(window.byApi(c -> c.client().equals("cart")))
        .containsExactly(Map.entry("dynamodb:Query", 4L), Map.entry("sns:PublishBatch", 2L));
  }
}
