package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.events.dataschema.DataSchema;
import io.emporium.local.DynamoDbTables;
import io.emporium.platform.messaging.outbox.RelayWakeUp;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbProcessedEventsIntegrationTests {

  private final CartOutboxFixture fixture = new CartOutboxFixture();
  private final String table =
      "emporium-" + EmulatedInfrastructure.ENV + "-" + fixture.service + "-inbox";
  private final DynamoDbProcessedEvents processed;

  DynamoDbProcessedEventsIntegrationTests() {
    new DynamoDbTables(fixture.dynamoSync).create(table, DataSchema.load().table("cart-inbox"));
    processed = new DynamoDbProcessedEvents(table, Duration.ofDays(15), fixture.clock);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void appliesAnEventOnceAndSkipsItsDuplicate() {
    fixture.putCart("cart-1", 1);
    fixture.checkout("cart-1", 1);
    EventEnvelope confirmed = EventFixtures.envelope("order.OrderConfirmed.v1");
    List<Boolean> written = new CopyOnWriteArrayList<>();

    Boolean first = processed.once(confirmed, write(clearCart("cart-1"), written)).block();
    Boolean again = processed.once(confirmed, write(clearCart("cart-1"), written)).block();

    assertThat(written).containsExactly(true, false);
    assertThat(fixture.cart("cart-1").get("cleared").n()).as("effect applied once").isEqualTo("1");
    assertThat(first).as("applied").isTrue();
    assertThat(again).as("reported as a duplicate").isFalse();
    var marker = marker(confirmed.id());
    assertThat(Long.parseLong(marker.get("expiresAt").n()))
        .isEqualTo(CartOutboxFixture.T0.plus(Duration.ofDays(15)).getEpochSecond());
  }

  @Test
  void propagatesAFailedEffectAndRecordsNothingSoARedeliveryCanApplyIt() {
    EventEnvelope cancelled = EventFixtures.envelope("order.OrderCancelled.v1");
    List<Boolean> written = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () -> processed.once(cancelled, write(clearCart("no-such-cart"), written)).block())
        .isInstanceOf(TransactionCanceledException.class);
    assertThat(marker(cancelled.id())).isEmpty();

    fixture.putCart("no-such-cart", 1);
    Boolean redelivered =
        processed.once(cancelled, write(clearCart("no-such-cart"), written)).block();
    assertThat(written).containsExactly(true);
    assertThat(redelivered).as("applied, not a duplicate").isTrue();
  }

  @Test
  void recordsNothingForAnEventWhoseHandlingWritesNothing() {
    EventEnvelope confirmed = EventFixtures.envelope("order.OrderConfirmed.v1");

    processed.once(confirmed, Mono.empty()).block();

    assertThat(marker(confirmed.id())).isEmpty();
  }

  @Test
  void refusesASecondWriteInTheHandlingOfOneEvent() {
    fixture.putCart("cart-3", 1);
    EventEnvelope confirmed = EventFixtures.envelope("order.OrderConfirmed.v1");
    var transactions = new DynamoDbTransactions(fixture.dynamo, fixture.table, new RelayWakeUp());
    Mono<Void> twoWrites =
        transactions
            .write(List.of(clearCart("cart-3")))
            .then(transactions.write(List.of(clearCart("cart-3"))))
            .then();

    assertThatThrownBy(() -> processed.once(confirmed, twoWrites).block())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one TransactWriteItems per event");
    assertThat(fixture.cart("cart-3").get("cleared").n()).isEqualTo("1");
  }

  private Mono<Void> write(TransactWriteItem item, List<Boolean> written) {
    var transactions = new DynamoDbTransactions(fixture.dynamo, fixture.table, new RelayWakeUp());
    return transactions.write(List.of(item)).doOnNext(written::add).then();
  }

  /** The effect: an update of an existing cart, counting how often it was applied. */
  private TransactWriteItem clearCart(String cartId) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(fixture.carts)
                    .key(Map.of("pk", AttributeValue.fromS(cartId)))
                    .updateExpression("ADD cleared :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
        .build();
  }

  private Map<String, AttributeValue> marker(UUID eventId) {
    return fixture
        .dynamoSync
        .getItem(
            b ->
                b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("EVENT#" + eventId)))
                    .consistentRead(true))
        .item();
  }
}
