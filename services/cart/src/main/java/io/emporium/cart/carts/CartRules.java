package io.emporium.cart.carts;

import io.emporium.cart.carts.CartChange.AddItem;
import io.emporium.cart.carts.CartChange.RemoveItem;
import io.emporium.cart.carts.CartChange.SetQuantity;
import io.emporium.cart.carts.Verdict.EmptyCart;
import io.emporium.cart.carts.Verdict.LineFull;
import io.emporium.cart.carts.Verdict.Locked;
import io.emporium.cart.carts.Verdict.NoSuchLine;
import io.emporium.cart.carts.Verdict.SameCheckout;
import io.emporium.cart.carts.Verdict.Stale;
import io.emporium.cart.carts.Verdict.TooManyLines;
import java.util.Optional;

/**
 * The cart's rules, as plain functions of the cart as it is. The DynamoDB store writes a change
 * with a condition that states the same rules; when the condition fails, the store asks these
 * functions, with the cart DynamoDB returned, which rule it was.
 */
final class CartRules {

  static final int MAX_QUANTITY = 99;
  static final int MAX_LINES = 50;

  private CartRules() {}

  /**
   * May {@code change} apply to {@code cart} (empty: the customer has none yet)? {@code expected}
   * is the version the shopper saw (If-Match), or null.
   */
  static Verdict judge(Optional<Cart> cart, CartChange change, Long expected) {
    if (cart.isEmpty()) {
      return switch (change) {
        case AddItem add -> expected == null || expected == 0 ? Verdict.ALLOWED : new Stale(0);
        case SetQuantity set -> new NoSuchLine(set.sku());
        case RemoveItem remove -> new NoSuchLine(remove.sku());
      };
    }
    Cart current = cart.get();
    if (current.status() != CartStatus.OPEN) {
      return new Locked(current.status(), current.checkoutId());
    }
    if (expected != null && expected != current.version()) {
      return new Stale(current.version());
    }
    Optional<CartLine> line = current.line(change.sku());
    return switch (change) {
      case AddItem add -> add(current, line, add);
      case SetQuantity set -> line.isPresent() ? Verdict.ALLOWED : new NoSuchLine(set.sku());
      case RemoveItem remove -> line.isPresent() ? Verdict.ALLOWED : new NoSuchLine(remove.sku());
    };
  }

  /** May {@code cart} be checked out as {@code checkoutId}? */
  static Verdict checkout(Cart cart, String checkoutId) {
    if (checkoutId.equals(cart.checkoutId())) {
      return new SameCheckout();
    }
    if (cart.status() != CartStatus.OPEN) {
      return new Locked(cart.status(), cart.checkoutId());
    }
    return cart.isEmpty() ? new EmptyCart() : Verdict.ALLOWED;
  }

  private static Verdict add(Cart cart, Optional<CartLine> line, AddItem add) {
    if (line.isPresent()) {
      int quantity = line.get().quantity();
      return quantity + add.quantity() > MAX_QUANTITY
          ? new LineFull(add.sku(), quantity)
          : Verdict.ALLOWED;
    }
    return cart.lines().size() >= MAX_LINES
        ? new TooManyLines(cart.lines().size())
        : Verdict.ALLOWED;
  }
}
