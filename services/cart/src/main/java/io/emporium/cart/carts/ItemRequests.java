package io.emporium.cart.carts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Bodies of the line endpoints: quantities are 1..99 per line. */
final class ItemRequests {

  static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  static final String SKU_MESSAGE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";

  private ItemRequests() {}

  /** {@code POST /api/cart/items}: add {@code quantity} to the line of {@code sku}. */
  record Add(
      @NotNull @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
      @NotNull @Min(1) @Max(CartRules.MAX_QUANTITY) Integer quantity) {}

  /** {@code PUT /api/cart/items/{sku}}: set the line's quantity. */
  record SetQuantity(@NotNull @Min(1) @Max(CartRules.MAX_QUANTITY) Integer quantity) {}
}
