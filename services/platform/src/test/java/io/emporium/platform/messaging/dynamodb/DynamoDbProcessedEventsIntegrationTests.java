package io.emporium.platform.messaging.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.EventEnvelope;
import io.emporium.events.EventFixtures;
import io.emporium.platform.testing.EmulatedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(EmulatedInfrastructure.class)
class DynamoDbProcessedEventsIntegrationTests {

  private final CartOutboxFixture fixture = new CartOutboxFixture();
  private final String table =
      DynamoDbTables.inboxTableName(EmulatedInfrastructure.ENV, fixture.service);
  private final DynamoDbProcessedEvents processed;

  DynamoDbProcessedEventsIntegrationTests() {
    new DynamoDbTables(fixture.dynamoSync).createInboxTable(table);
    processed =
        new DynamoDbProcessedEvents(
            fixture.dynamo, table, fixture.registry, Duration.ofDays(15), fixture.clock);
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

    Boolean first = processed.apply(confirmed.id(), List.of(clearCart("cart-1"))).block();
    Boolean second = processed.apply(confirmed.id(), List.of(clearCart("cart-1"))).block();

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(fixture.cart("cart-1").get("cleared").n()).as("effect applied once").isEqualTo("1");
    assertThat(fixture.meter("emporium.events.duplicates")).isEqualTo(1.0);
    var marker = marker(confirmed.id());
    assertThat(Long.parseLong(marker.get("expiresAt").n()))
        .isEqualTo(CartOutboxFixture.T0.plus(Duration.ofDays(15)).getEpochSecond());
  }

  @Test
  void propagatesAFailedEffectAndRecordsNothingSoARedeliveryCanApplyIt() {
    UUID eventId = EventFixtures.envelope("order.OrderCancelled.v1").id();

    assertThatThrownBy(() -> processed.apply(eventId, List.of(clearCart("no-such-cart"))).block())
        .isInstanceOf(TransactionCanceledException.class);
    assertThat(marker(eventId)).isEmpty();
    assertThat(fixture.meter("emporium.events.duplicates")).isZero();

    fixture.putCart("no-such-cart", 1);
    assertThat(processed.apply(eventId, List.of(clearCart("no-such-cart"))).block()).isTrue();
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
