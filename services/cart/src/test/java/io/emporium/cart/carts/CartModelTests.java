package io.emporium.cart.carts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.platform.web.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CartModelTests {

  @Test
  void readsACartItemIntoLinesSortedBySkuWithTotals() {
    Map<String, AttributeValue> item =
        Map.of(
            "pk", AttributeValue.fromS("CUSTOMER#c1"),
            "customerId", AttributeValue.fromS("c1"),
            "cartId", AttributeValue.fromS("cart-1"),
            "status", AttributeValue.fromS("OPEN"),
            "version", AttributeValue.fromN("4"),
            "lines",
                AttributeValue.fromM(
                    Map.of("TEE-2", AttributeValue.fromN("1"), "MUG-1", AttributeValue.fromN("3"))),
            "products",
                AttributeValue.fromM(
                    Map.of(
                        "TEE-2",
                            CartItems.snapshot(
                                "T-shirt", new io.emporium.events.Money(2000, "EUR"), null),
                        "MUG-1",
                            CartItems.snapshot(
                                "Mug", new io.emporium.events.Money(1250, "EUR"), "/mug.svg"))));

    Cart cart = CartItems.toCart(item, "EUR");

    assertThat(cart.lines()).extracting(CartLine::sku).containsExactly("MUG-1", "TEE-2");
    assertThat(cart.lines().getFirst().lineTotal().amountMinor()).isEqualTo(3750);
    assertThat(cart.total().amountMinor()).isEqualTo(5750);
    assertThat(cart.version()).isEqualTo(4);
    assertThat(cart.checkoutId()).isNull();
    assertThat(cart.lines().getFirst().imageUrl()).isEqualTo("/mug.svg");
    assertThat(cart.lines().getFirst().currentPrice()).isNull();
    assertThat(cart.lines().getFirst().available()).isNull();
  }

  @Test
  void bindsOnlyThePlaceholdersAnExpressionUses() {
    assertThat(CartItems.names("MUG-1", "SET #lines.#sku = :q", "#status = :open"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("#lines", "lines", "#sku", "MUG-1", "#status", "status"));
  }

  @Test
  void checkoutIdsAreTheSameForTheSameCustomerAndKeyOnly() {
    assertThat(CheckoutIds.of("c1", "k1")).isEqualTo(CheckoutIds.of("c1", "k1"));
    assertThat(CheckoutIds.of("c1", "k1")).isNotEqualTo(CheckoutIds.of("c2", "k1"));
    assertThat(CheckoutIds.of("c1", "k1")).isNotEqualTo(CheckoutIds.of("c1", "k2"));
  }

  @Test
  void ifMatchTakesAVersionQuotedOrNot() {
    assertThat(CartController.version(null)).isNull();
    assertThat(CartController.version("*")).isNull();
    assertThat(CartController.version("7")).isEqualTo(7L);
    assertThat(CartController.version("\"7\"")).isEqualTo(7L);
    assertThat(CartController.version("W/\"7\"")).isEqualTo(7L);
    assertThatThrownBy(() -> CartController.version("seven")).isInstanceOf(ProblemException.class);
  }
}
