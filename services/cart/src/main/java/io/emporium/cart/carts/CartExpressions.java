package io.emporium.cart.carts;

import static io.emporium.cart.carts.CartItems.n;
import static io.emporium.cart.carts.CartItems.s;

import io.emporium.cart.carts.CartChange.AddItem;
import io.emporium.cart.carts.CartChange.RemoveItem;
import io.emporium.cart.carts.CartChange.SetQuantity;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link CartChange} as one DynamoDB UpdateItem: the update, and a condition that states {@link
 * CartRules} (the cart exists and is OPEN, the line is there or there is room for it, no more than
 * the catalog can sell unless the line only shrinks, the version is the shopper's). Every change
 * also bumps the version and the TTL ({@code :one}, {@code :expiresAt}, {@code :now}, which the
 * store adds).
 */
record CartExpressions(String update, String condition, Map<String, AttributeValue> values) {

  static final String BUMP =
      "#version = #version + :one, #expiresAt = :expiresAt, #updatedAt = :now";
  private static final String OPEN = "#status = :open";

  static CartExpressions of(CartChange change, Long expectedVersion) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":open", s(CartStatus.OPEN.name()));
    CartExpressions unguarded =
        switch (change) {
          case AddItem add -> add(add, values);
          case SetQuantity set -> {
            values.put(":quantity", n(set.quantity()));
            String condition =
                set.quantity() > set.available()
                    ? lineExists() + " AND #lines.#sku >= :quantity"
                    : lineExists();
            yield new CartExpressions("SET #lines.#sku = :quantity, " + BUMP, condition, values);
          }
          case RemoveItem remove ->
              new CartExpressions(
                  "REMOVE #lines.#sku, #products.#sku SET " + BUMP, lineExists(), values);
        };
    if (expectedVersion == null) {
      return unguarded;
    }
    values.put(":expectedVersion", n(expectedVersion));
    return new CartExpressions(
        unguarded.update, unguarded.condition + " AND #version = :expectedVersion", values);
  }

  private static CartExpressions add(AddItem add, Map<String, AttributeValue> values) {
    values.put(":zero", n(0));
    values.put(":quantity", n(add.quantity()));
    values.put(":product", CartItems.snapshot(add.product()));
    values.put(":room", n(CartRules.room(add.product()) - add.quantity()));
    values.put(":maxLines", n(CartRules.MAX_LINES));
    return new CartExpressions(
        "SET #lines.#sku = if_not_exists(#lines.#sku, :zero) + :quantity,"
            + " #products.#sku = :product, "
            + BUMP,
        "attribute_exists(#pk) AND "
            + OPEN
            + " AND (attribute_not_exists(#lines.#sku) OR #lines.#sku <= :room)"
            + " AND (attribute_exists(#lines.#sku) OR size(#lines) < :maxLines)",
        values);
  }

  private static String lineExists() {
    return "attribute_exists(#lines.#sku) AND " + OPEN;
  }
}
