package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.EventEnvelope;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbOutboxIntegrationTests {

  private final CartOutboxFixture fixture = new CartOutboxFixture();
  private final SnsAsyncClient sns = AwsTestClients.sns();

  @AfterEach
  void close() {
    sns.close();
    fixture.close();
  }

  @Test
  void commitsTheStateChangeAndTheOutboxItemInOneTransaction() {
    fixture.putCart("cart-1", 3);

    EventEnvelope envelope = fixture.checkout("cart-1", 3);

    assertThat(fixture.cart("cart-1").get("status").s()).isEqualTo("CHECKED_OUT");
    assertThat(fixture.outboxItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.get("sk").s()).isEqualTo(envelope.id().toString());
              assertThat(item.get("pk").s()).isEqualTo(fixture.table.partitionOf(envelope.id()));
              assertThat(item.get("type").s()).isEqualTo("cart.CartCheckedOut.v1");
              assertThat(item.get("subject").s()).isEqualTo("cart-1");
              assertThat(item.get("attempts").n()).isEqualTo("0");
              assertThat(OutboxItem.instant(item, "createdAt")).isEqualTo(CartOutboxFixture.T0);
              assertThat(OutboxItem.instant(item, "nextAttemptAt")).isEqualTo(CartOutboxFixture.T0);
              assertThat(fixture.codec.decode(item.get("payload").s())).isEqualTo(envelope);
            });
  }

  @Test
  void writesNeitherAndPublishesNothingWhenTheStateConditionFails() {
    fixture.putCart("cart-2", 5);

    assertThatThrownBy(() -> fixture.checkout("cart-2", 4))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(TransactionCanceledException.class);

    assertThat(fixture.cart("cart-2").get("status").s()).isEqualTo("OPEN");
    assertThat(fixture.outboxItems()).isEmpty();
    var relay = fixture.relay(sns, Mono.just(fixture.cartTopicArn));
    assertThat(relay.runOnce().block()).isZero();
    assertThat(fixture.probe.drainUntilEmpty(CartOutboxFixture.ORDER_FROM_CART)).isEmpty();
  }
}
